//! The office-scale history of the benchmark (`perkin::demo::scale`), built
//! small here, and the panels that must stay quick at that size.

use egui_kittest::kittest::Queryable;
use perkin::demo::scale::{Scale, build};
use perkin::model::agreement::Status;
use perkin::store::Store;

use crate::common::{Rows, db_in, local, rows_in, tmp, versions};
use crate::ui::{go, harness, wheel};

fn small(years: i32, indicators: usize, visits: usize) -> Scale {
    Scale {
        last_year: 2027,
        years,
        units: 6,
        indicators_per_period: indicators,
        min_lines: 20,
        max_lines: 30,
        visits,
    }
}

#[test]
fn a_small_office_scale_history_is_built_whole() {
    let dir = tmp();
    let now = local(2026, 11, 23, 9, 0);
    let mut s = Store::open(&db_in(dir.path())).unwrap();
    s.set_clock(move || now);
    let built = build(&mut s, &small(2, 60, 300), now).unwrap();
    assert_eq!(built.units, 6);
    assert_eq!(built.indicators, 60);
    assert_eq!(built.agreements, 12);
    assert!(
        (300..400).contains(&built.visits),
        "visits {}",
        built.visits
    );
    assert_eq!(rows_in(&s, Rows::Visits), built.visits);
    // Every agreement has 20–30 lines; the longest draft has 30.
    let lines: Vec<usize> = versions(&s).iter().map(|v| v.content.lines.len()).collect();
    let (lo, hi) = (lines.iter().min().unwrap(), lines.iter().max().unwrap());
    assert!(*lo >= 20 && *hi <= 30, "{lo}..{hi}");
    assert_eq!(
        s.version(built.longest_draft).unwrap().content.lines.len(),
        30
    );
    // The past year signed and archived, the prepared one in draft.
    assert_eq!(rows_in(&s, Rows::Versions(Status::Diarsipkan)), 6);
    assert_eq!(rows_in(&s, Rows::ArchiveEntries), 6);
    assert_eq!(rows_in(&s, Rows::Versions(Status::Draf)), 6);
    // Only the prepared year's last cycle is still open.
    let open: Vec<(i64, i32)> = s
        .cycles()
        .unwrap()
        .iter()
        .filter(|c| c.finished_at.is_none())
        .map(|c| (c.id.0, c.tahun))
        .collect();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].1, 2027);
    assert!(s.check().unwrap().is_empty());
    // Once only: a second build on the same database is refused.
    assert!(build(&mut s, &small(1, 10, 10), now).is_err());
}

#[test]
fn the_renstra_tree_of_1200_indicators_builds_only_the_rows_in_view() {
    let dir = tmp();
    let now = local(2026, 11, 23, 9, 0);
    let mut s = Store::open(&db_in(dir.path())).unwrap();
    s.set_clock(move || now);
    build(&mut s, &small(1, 1_200, 20), now).unwrap();
    let mut h = harness(s);
    go(&mut h, "Renstra");
    let shown = |h: &egui_kittest::Harness<'static, perkin::ui::PerkinApp>| {
        h.query_all_by_label_contains("Persentase").count()
    };
    let first = shown(&h);
    assert!(
        (5..80).contains(&first),
        "{first} indicator rows built of 1200"
    );
    assert!(h.query_by_label_contains("T1.S1.I1 ").is_some());
    // Scrolled far down, other rows are built in place of the first ones.
    h.event(egui::Event::PointerMoved(egui::pos2(400.0, 500.0)));
    for _ in 0..40 {
        wheel(&h, egui::MouseWheelUnit::Point, -400.0);
        h.step();
    }
    h.run();
    assert!(h.query_by_label_contains("T1.S1.I1 ").is_none());
    assert!((5..80).contains(&shown(&h)));
}
