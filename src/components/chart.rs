//! The disclosure chart on the result and record pages: an inline SVG bar chart of disclosed
//! behaviours per abuse domain, stacked by how often, with its text alternative and a table of
//! the same numbers.
use dva_core::{Assessment, Band, Domain};
use leptos::prelude::*;

use crate::state::use_ctx;
use crate::text::{catalogue, t, tf};

/// The bands that count as disclosed, in chart order.
pub const CHART_BANDS: [Band; 4] = [
    Band::Once,
    Band::TwoToTen,
    Band::ElevenToTwenty,
    Band::MoreThanTwenty,
];

/// One row of the disclosure chart: an abuse domain and how many behaviours were disclosed at
/// each band ([`CHART_BANDS`] order), out of how many the domain has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    pub domain: Domain,
    pub by_band: [usize; 4],
    pub of: usize,
}

impl ChartRow {
    pub fn disclosed(&self) -> usize {
        self.by_band.iter().sum()
    }
}

/// The chart's rows, one per abuse domain in display order.
pub fn chart_rows(a: &Assessment) -> Vec<ChartRow> {
    a.domains
        .iter()
        .map(|d| {
            let mut by_band = [0; 4];
            for x in a.disclosures.iter().filter(|x| x.domain == d.domain) {
                if let Some(i) = CHART_BANDS.iter().position(|b| *b == x.band) {
                    by_band[i] += 1;
                }
            }
            ChartRow {
                domain: d.domain,
                by_band,
                of: d.of,
            }
        })
        .collect()
}

/// How many behaviours were disclosed in one band, for the chart's text alternative
/// ("2 once", "1 more than 20 times").
fn band_count(band: Band, n: usize) -> String {
    let key = match band {
        Band::Never => "result.chart.desc_band.never",
        Band::Once => "result.chart.desc_band.once",
        Band::TwoToTen => "result.chart.desc_band.2_10",
        Band::ElevenToTwenty => "result.chart.desc_band.11_20",
        Band::MoreThanTwenty => "result.chart.desc_band.more_than_20",
    };
    tf(key, &[("n", &n.to_string())])
}

/// The chart's text alternative, one sentence per domain.
pub fn chart_description(rows: &[ChartRow]) -> String {
    let cat = catalogue();
    rows.iter()
        .map(|r| {
            let bands: Vec<String> = CHART_BANDS
                .iter()
                .zip(r.by_band)
                .filter(|(_, n)| *n > 0)
                .map(|(b, n)| band_count(*b, n))
                .collect();
            let bands: Vec<&str> = bands.iter().map(String::as_str).collect();
            let domain = r.domain.label(cat);
            let of = r.of.to_string();
            if bands.is_empty() {
                tf("result.chart.desc_none", &[("domain", domain), ("of", &of)])
            } else {
                tf(
                    "result.chart.desc_some",
                    &[
                        ("domain", domain),
                        ("n", &r.disclosed().to_string()),
                        ("of", &of),
                        ("bands", &dva_core::text::join_list(cat, &bands)),
                    ],
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whole pixels: integer arithmetic keeps float formatting out of the wasm.
const LABEL_W: usize = 210;
const BAR_W: usize = 320;
const ROW_H: usize = 34;

/// An inline SVG bar chart of disclosed behaviours per domain, stacked by how often, with a
/// name and description for screen readers and the same numbers in a visible table.
#[component]
pub fn BehaviourChart() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let rows = ctx.assessment.with(chart_rows);
        let desc = chart_description(&rows);
        let height = ROW_H * rows.len() + 8;
        let view_box = format!("0 0 640 {height}");
        view! {
            <figure class="chart">
                // Named by its title and described once by its description. The title is an
                // aria-label: in a view a <title> is made as an HTML element, which names nothing.
                <svg class="chart__svg" role="img" aria-label=t("result.chart.title") aria-describedby="chart-desc" viewBox=view_box
                    preserveAspectRatio="xMinYMin meet">
                    <desc id="chart-desc">{desc}</desc>
                    {bars(&rows)}
                </svg>
                <ul class="chart__legend" aria-hidden="true">
                    {CHART_BANDS.iter().enumerate().map(|(i, b)| view! {
                        <li class="chart__legend-item">
                            <span class=format!("chart__swatch chart__swatch--{i}")></span>{b.worker_label(catalogue()).to_owned()}
                        </li>
                    }).collect_view()}
                </ul>
                {table(&rows)}
            </figure>
        }
    }
}

/// One bar a domain, its segments stacked by band on a track as long as the domain's questions.
fn bars(rows: &[ChartRow]) -> impl IntoView {
    let max = rows.iter().map(|r| r.of).max().unwrap_or(1).max(1);
    let px = move |n: usize| BAR_W * n / max;
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let y = 4 + ROW_H * i;
            let mut done = 0;
            // A segment ends where the running total ends, so the stacked bars meet without gaps.
            let segments = r
                .by_band
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(b, n)| {
                    let x = LABEL_W + px(done);
                    done += *n;
                    let w = LABEL_W + px(done) - x;
                    view! {
                        <rect class=format!("chart__bar chart__bar--{b}") x=x.to_string() y=(y + 4).to_string()
                            width=w.to_string() height=(ROW_H - 12).to_string() />
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text class="chart__label" x="0" y=(y + ROW_H / 2 + 2).to_string()>{r.domain.label(catalogue()).to_owned()}</text>
                    <rect class="chart__track" x=LABEL_W.to_string() y=(y + 4).to_string()
                        width=px(r.of).to_string() height=(ROW_H - 12).to_string() />
                    {segments}
                    <text class="chart__count" x=(LABEL_W + BAR_W + 10).to_string() y=(y + ROW_H / 2 + 2).to_string()>
                        {tf("result.chart.of", &[("n", &r.disclosed().to_string()), ("of", &r.of.to_string())])}
                    </text>
                </g>
            }
        })
        .collect_view()
}

/// The chart's numbers as a table, visible to everyone.
fn table(rows: &[ChartRow]) -> impl IntoView {
    let table_rows = rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.domain.label(catalogue()).to_owned()}</th>
                    {r.by_band.iter().map(|n| view! { <td class="chart-table__num">{n.to_string()}</td> }).collect_view()}
                    <td class="chart-table__num">{tf("result.chart.of", &[("n", &r.disclosed().to_string()), ("of", &r.of.to_string())])}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="chart-table">
            <caption class="chart-table__caption">{t("result.chart.table_caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("result.chart.domain")}</th>
                    {CHART_BANDS.iter().map(|b| view! { <th scope="col" class="chart-table__num">{b.worker_label(catalogue()).to_owned()}</th> }).collect_view()}
                    <th scope="col" class="chart-table__num">{t("result.chart.total")}</th>
                </tr>
            </thead>
            <tbody>{table_rows}</tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dva_core::{Answer, Answers, Source, YesNo};

    fn assessment(answers: &[(&str, Band)]) -> Assessment {
        let def = dva_core::builtin().expect("built-in definition");
        let mut a = Answers::new();
        for (id, band) in answers {
            a.set(
                &def,
                id,
                Answer::Frequency {
                    band: *band,
                    last_12_months: band.is_disclosed().then_some(YesNo::Yes),
                },
                Source::Worker,
            )
            .expect("valid answer");
        }
        dva_core::assess(&def, &a, catalogue())
    }

    #[test]
    fn chart_rows_count_behaviours_by_domain_and_band() {
        let a = assessment(&[
            ("b.shouting", Band::Once),
            ("b.yelling", Band::MoreThanTwenty),
            ("b.throat_grab", Band::Once),
            ("b.pushing", Band::Never),
        ]);
        let rows = chart_rows(&a);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0].domain, Domain::EmotionalVerbal);
        assert_eq!(rows[0].by_band, [1, 0, 0, 1]);
        let physical = rows.iter().find(|r| r.domain == Domain::Physical).unwrap();
        assert_eq!(physical.by_band, [1, 0, 0, 0]);
        assert!(physical.of >= 10);
        let text = chart_description(&rows);
        assert!(
            text.contains("Emotional and verbal: 2 of 4 disclosed (1 happened once, 1 happened more than 20 times)."),
            "{text}"
        );
        assert!(text.contains("Sexual: none of 2 disclosed."), "{text}");
    }
}
