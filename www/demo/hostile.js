// Mounts the widget with the JavaScript API on the hostile page, in the council's colours and
// typeface, at the GOV.UK base size whatever the page's root font size.
import { mount } from '/pkg/embed.js';

mount(document.querySelector('#slot'), {
  namespace: 'hostile',
  theme: { brand: '#005ea5', focus: '#ffbf47', fontFamily: 'Georgia, serif', baseSize: '19px' },
});
