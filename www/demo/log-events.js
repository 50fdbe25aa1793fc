// Lists every event the widgets on a demo page send, so a person watching sees what a host
// page can act on. Each entry names the event, the widget it came from and the figures in its
// detail.

const TYPES = ['readiness-ready', 'readiness-change', 'readiness-complete', 'readiness-error'];

function percent(value) {
  return value === null || value === undefined ? 'none' : `${Math.round(value * 10) / 10}%`;
}

function describe(event) {
  const detail = event.detail ?? {};
  const from = event.target?.id ? ` (${event.target.id})` : '';
  switch (event.type) {
    case 'readiness-ready':
      return `${event.type}${from}: ${detail.framework?.id} ${detail.framework?.version}, namespace ${detail.namespace}`;
    case 'readiness-error':
      return `${event.type}${from}: ${(detail.problems ?? []).length} problem(s)`;
    default:
      return `${event.type}${from}: profile ${detail.profile ?? 'none'}, completeness ${percent(detail.completeness)}`;
  }
}

const list = document.getElementById('events');
if (list) {
  for (const type of TYPES) {
    document.addEventListener(type, (event) => {
      const item = document.createElement('li');
      item.textContent = describe(event);
      list.append(item);
    });
  }
}
