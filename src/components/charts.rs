//! SVG charts drawn from the core's chart geometry: the domain bar chart, the 2 × 2 profile
//! chart and the radar. Each is an image with a title and description for assistive technology,
//! followed by a data table with the same figures; values are printed as text on the chart, so
//! nothing depends on colour alone.

use readiness_core::view::{self, BarChart, ProfileChart, Radar};
use yew::prelude::*;

fn n(value: f64) -> String {
    view::decimal(value, 2)
}

/// Properties of the bar chart.
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// The geometry.
    pub chart: BarChart,
}

/// The three key-ingredient domains as horizontal bars.
#[component]
pub fn DomainBars(props: &BarChartProps) -> Html {
    let chart = &props.chart;
    let description = chart.bars.iter().map(|bar| format!("{}: {}", bar.label, bar.value_text)).collect::<Vec<_>>().join("; ");
    let bottom = chart.height - 4.0;
    html! {
        <figure class="rc-chart">
            <svg class="rc-chart__svg rc-chart__svg--bars" viewBox={format!("0 0 {} {}", n(view::BAR_WIDTH), n(chart.height))} role="img" aria-labelledby="bars-title bars-desc" focusable="false">
                <title id="bars-title">{ "Key ingredients by domain, percent" }</title>
                <desc id="bars-desc">{ description }</desc>
                { for chart.ticks.iter().map(|(x, label)| html! {
                    <g key={label.clone()}>
                        <line class="rc-chart__grid" x1={n(*x)} x2={n(*x)} y1="20" y2={n(bottom - 14.0)} />
                        <text class="rc-chart__tick" x={n(*x)} y={n(bottom)} text-anchor="middle">{ label.clone() }</text>
                    </g>
                }) }
                { for chart.bars.iter().map(|bar| html! {
                    <g key={bar.label.clone()}>
                        <text class="rc-chart__bar-label" x={n(chart.left)} y={n(bar.y - 8.0)}>{ bar.label.clone() }</text>
                        if bar.percent.is_some() {
                            <rect class="rc-chart__bar" x={n(chart.left)} y={n(bar.y)} width={n(bar.length.max(1.0))} height={n(chart.bar_height)} />
                            <text class="rc-chart__value" x={n(chart.left + bar.length + 8.0)} y={n(bar.y + chart.bar_height / 2.0 + 6.0)}>{ bar.value_text.clone() }</text>
                        } else {
                            <text class="rc-chart__missing" x={n(chart.left + 4.0)} y={n(bar.y + chart.bar_height / 2.0 + 6.0)}>{ bar.value_text.clone() }</text>
                        }
                    </g>
                }) }
                <line class="rc-chart__cut" x1={n(chart.cut_x)} x2={n(chart.cut_x)} y1="20" y2={n(bottom - 14.0)} />
            </svg>
            <figcaption class="rc-chart__caption rc-body-s">{ "Each bar is a domain's percent of the highest possible score. The dashed line marks 50%. The table below gives the same figures." }</figcaption>
        </figure>
    }
}

/// The most characters a quadrant's name puts on one line at its font size.
const QUADRANT_LINE: usize = 20;

/// The most characters a radar axis label puts on one line.
const RADAR_LINE: usize = 16;

/// Room added on each side of the radar for the labels of the side axes.
const RADAR_MARGIN: f64 = 80.0;

/// Breaks a label into lines of at most `max` characters, at spaces; a longer word keeps a line
/// to itself.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Properties of the profile chart.
#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    /// The geometry.
    pub chart: ProfileChart,
    /// A prefix for the chart's element ids, unique on the page.
    #[prop_or(AttrValue::Static("profile"))]
    pub id: AttrValue,
    /// More points, each with a short label (a workshop's participants).
    #[prop_or_default]
    pub others: Vec<(f64, f64, String)>,
}

/// The 2 × 2 of practice maturity against innovation readiness, with the authority's point.
#[component]
pub fn ProfileQuadrants(props: &ProfileChartProps) -> Html {
    let chart = &props.chart;
    let size = view::PROFILE_SIZE;
    let right = chart.left + chart.side;
    let bottom = chart.top + chart.side;
    let current_name = chart.quadrants.iter().find(|quadrant| quadrant.current).map(|quadrant| quadrant.name.clone());
    html! {
        <figure class="rc-chart">
            <svg class="rc-chart__svg rc-chart__svg--profile" viewBox={format!("0 0 {} {}", n(size), n(size))} role="img" aria-labelledby={format!("{0}-title {0}-desc", props.id)} focusable="false">
                <title id={format!("{}-title", props.id)}>{ format!("Profile chart: {} against {}", chart.y_label, chart.x_label) }</title>
                <desc id={format!("{}-desc", props.id)}>{ chart.point_text.clone() }</desc>
                <defs>
                    <pattern id={format!("{}-hatch", props.id)} patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(45)">
                        <line class="rc-profile__hatch" x1="0" y1="0" x2="0" y2="10" />
                    </pattern>
                </defs>
                { for chart.quadrants.iter().map(|quadrant| html! {
                    <g key={quadrant.id}>
                        <rect class={classes!("rc-profile__quadrant", quadrant.current.then_some("rc-profile__quadrant--current"))}
                            x={n(quadrant.x)} y={n(quadrant.y)} width={n(quadrant.width)} height={n(quadrant.height)} />
                        if quadrant.current {
                            <rect class="rc-profile__hatching" fill={format!("url(#{}-hatch)", props.id)} x={n(quadrant.x)} y={n(quadrant.y)} width={n(quadrant.width)} height={n(quadrant.height)} />
                        }
                        <text class="rc-profile__quadrant-label" x={n(quadrant.x + quadrant.width / 2.0)} y={n(quadrant.y + 28.0)} text-anchor="middle">
                            { for wrap(&quadrant.name, QUADRANT_LINE).into_iter().enumerate().map(|(line, text)| html! {
                                <tspan x={n(quadrant.x + quadrant.width / 2.0)} dy={if line == 0 { "0" } else { "18" }}>{ text }</tspan>
                            }) }
                        </text>
                    </g>
                }) }
                <line class="rc-chart__cut" x1={n(chart.cut.0)} x2={n(chart.cut.0)} y1={n(chart.top)} y2={n(bottom)} />
                <line class="rc-chart__cut" x1={n(chart.left)} x2={n(right)} y1={n(chart.cut.1)} y2={n(chart.cut.1)} />
                <text class="rc-chart__tick" x={n(chart.left)} y={n(bottom + 18.0)} text-anchor="middle">{ "0%" }</text>
                <text class="rc-chart__tick" x={n(chart.cut.0)} y={n(bottom + 18.0)} text-anchor="middle">{ chart.cut_text.clone() }</text>
                <text class="rc-chart__tick" x={n(right)} y={n(bottom + 18.0)} text-anchor="end">{ "100%" }</text>
                <text class="rc-chart__tick" x={n(chart.left - 6.0)} y={n(bottom)} text-anchor="end">{ "0%" }</text>
                <text class="rc-chart__tick" x={n(chart.left - 6.0)} y={n(chart.cut.1 + 5.0)} text-anchor="end">{ chart.cut_text.clone() }</text>
                <text class="rc-chart__tick" x={n(chart.left - 6.0)} y={n(chart.top + 12.0)} text-anchor="end">{ "100%" }</text>
                <text class="rc-chart__axis-label" x={n(chart.left + chart.side / 2.0)} y={n(size - 6.0)} text-anchor="middle">{ format!("{} →", chart.x_label) }</text>
                <text class="rc-chart__axis-label" transform={format!("translate(18 {}) rotate(-90)", n(chart.top + chart.side / 2.0))} text-anchor="middle">{ format!("{} →", chart.y_label) }</text>
                { for props.others.iter().map(|(x, y, label)| html! {
                    <g key={label.clone()}>
                        <circle class="rc-profile__other" cx={n(*x)} cy={n(*y)} r="12" />
                        <text class="rc-profile__other-label" x={n(*x)} y={n(*y + 5.0)} text-anchor="middle">{ label.clone() }</text>
                    </g>
                }) }
                if let Some((x, y)) = chart.point {
                    <circle class="rc-profile__point" cx={n(x)} cy={n(y)} r="9" />
                    <text class="rc-profile__point-label" x={n(if x > right - 60.0 { x - 14.0 } else { x + 14.0 })} y={n(y + 5.0)} text-anchor={if x > right - 60.0 { "end" } else { "start" }}>{ "You" }</text>
                }
            </svg>
            <figcaption class="rc-chart__caption rc-body-s">
                {
                    match current_name {
                        Some(name) => format!("Your point, marked ‘You’, is in the hatched quarter: {name}. {}.", chart.point_text),
                        None => chart.point_text.clone(),
                    }
                }
            </figcaption>
        </figure>
    }
}

/// Properties of the radar.
#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// The geometry.
    pub chart: Radar,
}

/// The three domains and readiness on one radar.
#[component]
pub fn RadarChart(props: &RadarProps) -> Html {
    let chart = &props.chart;
    let description = chart.axes.iter().map(|axis| format!("{}: {}", axis.label, axis.value_text)).collect::<Vec<_>>().join("; ");
    let all_defined = chart.axes.iter().all(|axis| axis.defined);
    html! {
        <figure class="rc-chart">
            <svg class="rc-chart__svg rc-chart__svg--radar" viewBox={format!("{} 0 {} {}", n(-RADAR_MARGIN), n(view::RADAR_SIZE + 2.0 * RADAR_MARGIN), n(view::RADAR_SIZE))} role="img" aria-labelledby="radar-title radar-desc" focusable="false">
                <title id="radar-title">{ "Radar of the three domains and innovation readiness, percent" }</title>
                <desc id="radar-desc">{ description }</desc>
                { for chart.rings.iter().enumerate().map(|(index, ring)| html! { <polygon key={index} class="rc-radar__ring" points={ring.clone()} /> }) }
                { for chart.axes.iter().map(|axis| html! {
                    <g key={axis.label.clone()}>
                        <line class="rc-radar__axis" x1={n(chart.centre.0)} y1={n(chart.centre.1)} x2={n(axis.end.0)} y2={n(axis.end.1)} />
                        <text class="rc-radar__label" x={n(axis.label_at.0)} y={n(axis.label_at.1)} text-anchor={axis.anchor}>
                            { for wrap(&axis.label, if axis.anchor == "middle" { usize::MAX } else { RADAR_LINE }).into_iter().enumerate().map(|(line, text)| html! {
                                <tspan x={n(axis.label_at.0)} dy={if line == 0 { "0" } else { "18" }}>{ text }</tspan>
                            }) }
                            <tspan x={n(axis.label_at.0)} dy="20" class="rc-radar__value">{ axis.value_text.clone() }</tspan>
                        </text>
                    </g>
                }) }
                if all_defined {
                    <polygon class="rc-radar__shape" points={chart.shape.clone()} />
                }
                { for chart.axes.iter().filter(|axis| axis.defined).map(|axis| html! {
                    <circle key={axis.label.clone()} class="rc-radar__dot" cx={n(axis.point.0)} cy={n(axis.point.1)} r="5" />
                }) }
            </svg>
            <figcaption class="rc-chart__caption rc-body-s">{ "Rings mark 25%, 50%, 75% and 100%. The table below gives the same figures." }</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_within_the_limit() {
        assert_eq!(wrap("Strong practice, build the case", 20), vec!["Strong practice,", "build the case"]);
        assert_eq!(wrap("Lead and spread", 20), vec!["Lead and spread"]);
        assert_eq!(wrap("Extraordinarilylongwordindeed x", 10), vec!["Extraordinarilylongwordindeed", "x"]);
        assert!(wrap("   ", 10).is_empty());
    }
}
