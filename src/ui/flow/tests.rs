//! The flowchart without pixels: geometry invariants of the pure layout for
//! both seed SOPs, a synthetic 14-step/6-lane SOP and a one-lane SOP at
//! several sizes and zooms; step states from cycles driven part-way; and a
//! headless smoke test of the painter.

use crate::model::id::{OfficialId, UnitId};
use crate::model::sop::{SopTemplate, sop_bawaan};
use crate::model::workflow::{Act, Action, Cycle};
use crate::model::worktime::{Kalender, Zona};
use chrono::{DateTime, NaiveDate, Utc};
use egui::{Pos2, Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::layout::{LABEL_TIDAK, LABEL_YA, TextRole, jam_singkat, min_width, node_note, shape_of};
use super::*;

// ---------------------------------------------------------------------------
// Fixtures

fn seed(kode: &str) -> SopTemplate {
    sop_bawaan()
        .iter()
        .find(|b| b.kode == kode)
        .unwrap_or_else(|| panic!("no built-in {kode}"))
        .muat()
        .unwrap()
}

/// A valid template with 14 steps and 6 lanes: six decisions, two of them
/// nested in one lane (10 → 9 inside 12 → 3), one in the last lane (7, also
/// fan-out) and one whose target lies in a lane to its right (5 → 4).
fn synthetic() -> SopTemplate {
    let mut src = String::from(
        r#"[sop]
kode = "uji-14-langkah"
nama = "SOP Uji Empat Belas Langkah"

[[pelaksana]]
kode = "kepala"
nama = "Kepala Dinas"

[[pelaksana]]
kode = "sekretaris"
nama = "Sekretaris Dinas"

[[pelaksana]]
kode = "kabid"
nama = "Kepala Bidang Program dan Pelaporan"

[[pelaksana]]
kode = "kasubag"
nama = "Kasubag Perencanaan"

[[pelaksana]]
kode = "staf"
nama = "Staf Pelaksana"

[[pelaksana]]
kode = "unit"
nama = "Sekretariat/Bidang"
"#,
    );
    // (no, pelaksana, waktu, tolak_ke, per_unit)
    let steps: [(&str, &str, &str, Option<&str>, bool); 14] = [
        ("1", "kepala", "10 menit", None, false),
        ("2", "sekretaris", "30 menit", None, false),
        ("3", "kasubag", "1 hari", None, false),
        ("4", "staf", "2 hari", None, false),
        ("5", "kasubag", "1 jam", Some("4"), false),
        ("6", "kabid", "2 jam", None, false),
        ("7", "unit", "1 hari", Some("6"), true),
        ("8", "staf", "3 jam", None, false),
        ("9", "kabid", "1 jam", Some("8"), false),
        ("10", "sekretaris", "30 menit", Some("9"), false),
        ("11", "sekretaris", "15 menit", None, false),
        ("12", "sekretaris", "1 jam", Some("3"), false),
        ("13", "kepala", "30 menit", Some("12"), false),
        ("14", "staf", "15 menit", None, false),
    ];
    for (k, (no, pel, waktu, tolak, per_unit)) in steps.iter().enumerate() {
        src.push_str(&format!(
            "\n[[langkah]]\nno = \"{no}\"\nkegiatan = \"Kegiatan uji nomor {no} yang cukup panjang \
             sehingga teksnya terbungkus menjadi beberapa baris di kolom kegiatan\"\n\
             pelaksana = \"{pel}\"\nkelengkapan = [\"Dokumen masukan {no}\", \"Lampiran pendukung\"]\n\
             waktu = \"{waktu}\"\noutput = \"Hasil langkah {no}\"\n"
        ));
        if let Some(t) = tolak {
            src.push_str(&format!("tolak_ke = \"{t}\"\n"));
        }
        if *per_unit {
            src.push_str("per_unit = true\n");
        }
        if k == steps.len() - 1 {
            src.push_str("akhir = true\n");
        }
    }
    SopTemplate::parse(&src, "uji-14-langkah.toml").unwrap_or_else(|e| panic!("{e}"))
}

/// One lane only: the "Tidak" label must stay inside it.
fn one_lane() -> SopTemplate {
    let src = r#"[sop]
kode = "uji-satu-lajur"
nama = "SOP Uji Satu Lajur"

[[pelaksana]]
kode = "staf"
nama = "Staf"

[[langkah]]
no = "1"
kegiatan = "Mulai"
pelaksana = "staf"
waktu = "5 menit"

[[langkah]]
no = "2"
kegiatan = "Menyusun"
pelaksana = "staf"
waktu = "1 jam"

[[langkah]]
no = "3"
kegiatan = "Memeriksa"
pelaksana = "staf"
waktu = "10 menit"
tolak_ke = "2"

[[langkah]]
no = "4"
kegiatan = "Selesai"
pelaksana = "staf"
waktu = "5 menit"
akhir = true
"#;
    SopTemplate::parse(src, "uji-satu-lajur.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn templates() -> Vec<(&'static str, SopTemplate)> {
    vec![
        ("bkpsdm-90-2023", seed("bkpsdm-90-2023")),
        ("badan-ntt-pk", seed("badan-ntt-pk")),
        ("uji-14-langkah", synthetic()),
        ("uji-satu-lajur", one_lane()),
    ]
}

const SIZES: [Vec2; 3] = [vec2(900.0, 600.0), vec2(1600.0, 900.0), vec2(400.0, 300.0)];

/// A local WIB instant as UTC.
fn wib(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
        .and_local_timezone(Zona::Wib.offset())
        .unwrap()
        .with_timezone(&Utc)
}

/// Acts on the only open task of step `no` (for `unit`), asserting success.
fn step(c: &mut Cycle, no: &str, unit: Option<i64>, action: Action, now: DateTime<Utc>) {
    let seq = c
        .find_task(no, unit.map(UnitId))
        .unwrap_or_else(|e| panic!("langkah {no}: {e}"))
        .seq;
    let change = c
        .act(
            seq,
            &Act {
                action,
                performer_id: Some(OfficialId(1)),
                performer: "Pelaksana Uji".into(),
                note: format!("catatan {no}"),
                now,
            },
        )
        .unwrap_or_else(|e| panic!("langkah {no}: {e}"));
    c.apply(&change);
}

fn unit_name(u: UnitId) -> String {
    format!("Bidang {u}")
}

/// Mixed states that exercise every note (done late/on time, current late
/// and running, future).
fn mixed_states(t: &SopTemplate) -> Vec<StepState> {
    let n = t.langkah.len();
    (0..n)
        .map(|i| match i {
            0 => StepState::Done {
                late: false,
                used_minutes: 5,
                standard_minutes: 10,
                units_done: 0,
                units_total: 0,
            },
            1 => StepState::Done {
                late: true,
                used_minutes: 2250,
                standard_minutes: 450,
                units_done: 0,
                units_total: 0,
            },
            i if i == n / 2 => StepState::Current {
                tanpa_libur: false,
                persen: 135,
                late: true,
                units_done: 2,
                units_total: 4,
            },
            _ => StepState::Future,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Geometry helpers

/// Overlap with positive area (touching edges do not count).
fn overlap(a: Rect, b: Rect) -> bool {
    let eps = 0.01;
    a.min.x + eps < b.max.x
        && b.min.x + eps < a.max.x
        && a.min.y + eps < b.max.y
        && b.min.y + eps < a.max.y
}

fn inside(outer: Rect, inner: Rect) -> bool {
    outer.expand(0.01).contains_rect(inner)
}

/// `p` is on the node's border: one of the mid-edge points of its rect,
/// which lie on the outline of every shape (rectangle, capsule, diamond).
fn on_border(n: &Node, p: Pos2) -> bool {
    let r = n.rect;
    [
        r.center_top(),
        r.center_bottom(),
        r.left_center(),
        r.right_center(),
    ]
    .iter()
    .any(|q| q.distance(p) <= 1.0)
}

/// An axis-parallel segment passes through the interior of `r`.
fn segment_hits(a: Pos2, b: Pos2, r: Rect) -> bool {
    let r = r.shrink(1.0);
    let s = Rect::from_two_pos(a, b);
    s.min.x <= r.max.x && s.max.x >= r.min.x && s.min.y <= r.max.y && s.max.y >= r.min.y
}

/// The columns a text (not a symbol) stands in: No, Kegiatan, Mutu Baku.
fn text_cols(t: &SopTemplate) -> Vec<usize> {
    let nl = t.pelaksana.len();
    [0, 1, 2 + nl, 3 + nl, 4 + nl].into()
}

/// The left and right edge of the lanes together.
fn lanes_x(lay: &FlowLayout) -> (f32, f32) {
    (
        lay.lanes.first().map_or(0.0, |l| l.rect.left()),
        lay.lanes.last().map_or(0.0, |l| l.rect.right()),
    )
}

/// Every invariant of a layout of `t` made for `size`.
fn check(name: &str, t: &SopTemplate, lay: &FlowLayout, size: Vec2) {
    let ctx = format!("{name} @ {}x{}", size.x, size.y);
    check_width(&ctx, t, lay, size);
    check_columns(&ctx, t, lay);
    check_lanes(&ctx, t, lay);
    check_rows(&ctx, t, lay);
    check_nodes(&ctx, t, lay);
    check_texts(&ctx, t, lay);
    check_arrows(&ctx, t, lay);
}

/// Width: fills the request, never below the sheet's minimum.
fn check_width(ctx: &str, t: &SopTemplate, lay: &FlowLayout, size: Vec2) {
    let s = lay.scale;
    let minw = min_width(t) * s;
    assert!(lay.size.x + 0.01 >= size.x.max(minw), "{ctx}: width");
    if size.x >= minw {
        assert!((lay.size.x - size.x).abs() < 0.5, "{ctx}: fills width");
    }
}

/// Columns: No, Kegiatan, lanes, Kelengkapan, Waktu, Output; contiguous.
fn check_columns(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let s = lay.scale;
    let mut names = vec!["No".to_string(), "Kegiatan".to_string()];
    names.extend(t.pelaksana.iter().map(|p| p.nama.clone()));
    names.extend(["Kelengkapan", "Waktu", "Output"].map(String::from));
    let got: Vec<String> = lay.columns.iter().map(|c| c.0.clone()).collect();
    assert_eq!(got, names, "{ctx}: header cells");
    let mut x = 0.0;
    for (cname, r) in &lay.columns {
        assert!(
            (r.left() - x).abs() < 0.01,
            "{ctx}: column {cname} starts at {x}"
        );
        assert!(r.width() > 20.0 * s, "{ctx}: column {cname} too narrow");
        assert!(inside(lay.header, *r), "{ctx}: header cell {cname}");
        x = r.right();
    }
    assert!(
        (x - lay.size.x).abs() < 0.01,
        "{ctx}: columns fill the width"
    );
    let groups: Vec<&str> = lay.groups.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(groups, ["Pelaksana", "Mutu Baku"], "{ctx}");
}

/// Lanes: one per Pelaksana, under its header cell.
fn check_lanes(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let nl = t.pelaksana.len();
    assert_eq!(lay.lanes.len(), nl, "{ctx}: lanes");
    for (k, (lane, p)) in lay.lanes.iter().zip(&t.pelaksana).enumerate() {
        assert_eq!(lane.kode, p.kode, "{ctx}");
        let h = lay.columns[2 + k].1;
        assert!(
            (lane.rect.left() - h.left()).abs() < 0.01
                && (lane.rect.right() - h.right()).abs() < 0.01,
            "{ctx}: lane {} under its header",
            p.kode
        );
        assert!(
            (lane.rect.top() - lay.header.bottom()).abs() < 0.01,
            "{ctx}"
        );
        assert!((lane.rect.bottom() - lay.size.y).abs() < 0.01, "{ctx}");
    }
}

/// Rows: one per step, stacked under the header, filling the height.
fn check_rows(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let n = t.langkah.len();
    assert_eq!(lay.rows.len(), n, "{ctx}: rows");
    let mut y = lay.header.bottom();
    for (i, r) in lay.rows.iter().enumerate() {
        assert!((r.top() - y).abs() < 0.01, "{ctx}: row {i} top");
        assert!(r.height() > 0.0, "{ctx}: row {i} height");
        y = r.bottom();
    }
    assert!((y - lay.size.y).abs() < 0.01, "{ctx}: height");
}

/// Nodes: exactly one per step, in its lane and its row, with its shape.
fn check_nodes(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let n = t.langkah.len();
    assert_eq!(lay.nodes.len(), n, "{ctx}: one node per step");
    for (i, node) in lay.nodes.iter().enumerate() {
        assert_eq!(node.step, i, "{ctx}");
        let lane = t.indeks_pelaksana(&t.langkah[i].pelaksana).unwrap();
        assert_eq!(node.lane, lane, "{ctx}: step {i} lane");
        assert!(
            inside(lay.lanes[lane].rect, node.rect),
            "{ctx}: step {i} inside its lane"
        );
        assert!(
            inside(lay.rows[i], node.rect),
            "{ctx}: step {i} inside its row"
        );
        assert!(node.rect.width() > 0.0 && node.rect.height() > 0.0, "{ctx}");
        let want = if i == 0 || i == n - 1 {
            Shape::Capsule
        } else if t.keputusan(i) {
            Shape::Diamond
        } else {
            Shape::Rect
        };
        assert_eq!(node.shape, want, "{ctx}: step {i} shape");
        assert_eq!(shape_of(t, i), want, "{ctx}");
        assert_eq!(node.per_unit, t.langkah[i].per_unit, "{ctx}");
    }
    for a in 0..n {
        for b in a + 1..n {
            assert!(
                !overlap(lay.nodes[a].rect, lay.nodes[b].rect),
                "{ctx}: nodes {a} and {b} overlap"
            );
        }
    }
    // No node on a No / Kegiatan / Mutu Baku cell.
    let text_cols = text_cols(t);
    for node in &lay.nodes {
        for i in 0..n {
            for &c in &text_cols {
                assert!(
                    !overlap(node.rect, lay.cell(i, c)),
                    "{ctx}: node {} on text cell ({i}, {c})",
                    node.step
                );
            }
        }
    }
}

/// Texts: no two overlap, none on a symbol, each in its place.
fn check_texts(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let text_cols = text_cols(t);
    let lanes_x = lanes_x(lay);
    for (k, tb) in lay.texts.iter().enumerate() {
        assert!(!tb.text.is_empty(), "{ctx}: empty text box");
        for node in &lay.nodes {
            assert!(
                !overlap(tb.rect, node.rect),
                "{ctx}: text {:?} on node {}",
                tb.text,
                node.step
            );
        }
        for other in &lay.texts[k + 1..] {
            assert!(
                !overlap(tb.rect, other.rect),
                "{ctx}: texts {:?} and {:?} overlap",
                tb.text,
                other.text
            );
        }
        match (tb.role, tb.step) {
            (TextRole::Header, None) => assert!(inside(lay.header, tb.rect), "{ctx}"),
            (TextRole::No | TextRole::Kegiatan | TextRole::MutuBaku, Some(i)) => {
                let col = lay
                    .columns
                    .iter()
                    .position(|(_, c)| c.left() <= tb.rect.left() && tb.rect.right() <= c.right())
                    .unwrap_or_else(|| panic!("{ctx}: {:?} outside every column", tb.text));
                assert!(text_cols.contains(&col), "{ctx}: {:?} in a lane", tb.text);
                assert!(
                    inside(lay.cell(i, col), tb.rect),
                    "{ctx}: {:?} in its cell",
                    tb.text
                );
            }
            (TextRole::Note, Some(i)) => {
                let lane = lay.lanes[lay.nodes[i].lane].rect;
                assert!(inside(lay.rows[i], tb.rect), "{ctx}: note in its row");
                assert!(
                    lane.left() <= tb.rect.left() && tb.rect.right() <= lane.right(),
                    "{ctx}: note of step {i} in its lane"
                );
            }
            (TextRole::Label, Some(i)) => {
                assert!(inside(lay.rows[i], tb.rect), "{ctx}: label in its row");
                assert!(
                    lanes_x.0 <= tb.rect.left() && tb.rect.right() <= lanes_x.1,
                    "{ctx}: label {:?} of step {i} within the lanes",
                    tb.text
                );
            }
            (role, step) => panic!("{ctx}: unexpected text {role:?} {step:?}"),
        }
    }
}

/// Arrows.
fn check_arrows(ctx: &str, t: &SopTemplate, lay: &FlowLayout) {
    let lanes_x = lanes_x(lay);
    let n = t.langkah.len();
    let s = lay.scale;
    for a in &lay.arrows {
        assert!(a.points.len() >= 2, "{ctx}");
        for w in a.points.windows(2) {
            let (p, q) = (w[0], w[1]);
            assert!(
                (p.x - q.x).abs() < 0.01 || (p.y - q.y).abs() < 0.01,
                "{ctx}: arrow {}→{} has a slanted segment",
                a.from,
                a.to
            );
            for node in &lay.nodes {
                if node.step != a.from && node.step != a.to {
                    assert!(
                        !segment_hits(p, q, node.rect),
                        "{ctx}: arrow {}→{} crosses node {}",
                        a.from,
                        a.to,
                        node.step
                    );
                }
            }
            assert!(
                p.x >= lanes_x.0 && p.x <= lanes_x.1,
                "{ctx}: arrow {}→{} leaves the lanes",
                a.from,
                a.to
            );
        }
        assert!(
            on_border(&lay.nodes[a.from], a.points[0]),
            "{ctx}: arrow start"
        );
        let last = *a.points.last().unwrap();
        assert!(
            on_border(&lay.nodes[a.to], last),
            "{ctx}: arrow {}→{} ends on the target's border",
            a.from,
            a.to
        );
        assert_eq!(a.label.is_some(), a.label_rect.is_some(), "{ctx}");
    }
    let forward: Vec<&Arrow> = lay
        .arrows
        .iter()
        .filter(|a| a.kind == ArrowKind::Forward)
        .collect();
    assert_eq!(forward.len(), n - 1, "{ctx}: forward arrows");
    for i in 0..n - 1 {
        let a = forward
            .iter()
            .find(|a| a.from == i)
            .unwrap_or_else(|| panic!("{ctx}: no forward arrow from {i}"));
        assert_eq!(a.to, i + 1, "{ctx}");
        assert_eq!(
            a.points[0],
            lay.nodes[i].bottom(),
            "{ctx}: leaves the bottom"
        );
        assert_eq!(
            *a.points.last().unwrap(),
            lay.nodes[i + 1].top(),
            "{ctx}: enters the top"
        );
        let want = t.keputusan(i).then_some(LABEL_YA);
        assert_eq!(a.label, want, "{ctx}: label of forward arrow from {i}");
    }
    let reject: Vec<&Arrow> = lay
        .arrows
        .iter()
        .filter(|a| a.kind == ArrowKind::Reject)
        .collect();
    let decisions: Vec<usize> = (0..n).filter(|&i| t.keputusan(i)).collect();
    assert_eq!(
        reject.len(),
        decisions.len(),
        "{ctx}: one loop per decision"
    );
    for &i in &decisions {
        let loops: Vec<&&Arrow> = reject.iter().filter(|a| a.from == i).collect();
        assert_eq!(loops.len(), 1, "{ctx}: decision {i} has one loop");
        let a = loops[0];
        let target = t.target_tolak(i).unwrap();
        assert_eq!(a.to, target, "{ctx}: loop of {i} goes to its target");
        assert_eq!(a.label, Some(LABEL_TIDAK), "{ctx}");
        let last = *a.points.last().unwrap();
        let tr = lay.nodes[target].rect;
        assert!(
            (last.y - tr.center().y).abs() <= 1.0
                && ((last.x - tr.left()).abs() <= 1.0 || (last.x - tr.right()).abs() <= 1.0),
            "{ctx}: loop of {i} ends on its target's side"
        );
        // Goes back up.
        assert!(last.y < a.points[0].y, "{ctx}: loop of {i} goes up");
    }
    // Loops of one lane whose spans overlap do not share their vertical.
    for (k, a) in reject.iter().enumerate() {
        for b in &reject[k + 1..] {
            let (la, lb) = (lay.nodes[a.from].lane, lay.nodes[b.from].lane);
            let span = |x: &Arrow| (x.to.min(x.from), x.to.max(x.from));
            let ((a0, a1), (b0, b1)) = (span(a), span(b));
            if la == lb && a0 <= b1 && b0 <= a1 {
                assert!(
                    (a.points[1].x - b.points[1].x).abs() >= 3.0 * s,
                    "{ctx}: loops of {} and {} on top of each other",
                    a.from,
                    b.from
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Layout

#[test]
fn layout_invariants_all_templates_all_sizes() {
    for (name, t) in templates() {
        for states in [vec![StepState::Future; t.langkah.len()], mixed_states(&t)] {
            for size in SIZES {
                let lay = layout(&t, &states, size);
                check(name, &t, &lay, size);
                for (node, st) in lay.nodes.iter().zip(&states) {
                    assert_eq!(&node.state, st, "{name}: node state");
                }
            }
        }
    }
}

#[test]
fn layout_invariants_at_other_zooms() {
    for (name, t) in templates() {
        let states = mixed_states(&t);
        for zoom in [0.5_f32, 1.25, 3.0] {
            for size in SIZES {
                let size = size * zoom;
                let lay = layout_with(&t, &states, size, zoom, &estimate_text_size);
                check(name, &t, &lay, size);
            }
        }
    }
}

#[test]
fn templates_used_have_the_promised_shape() {
    let t = synthetic();
    assert_eq!((t.langkah.len(), t.pelaksana.len()), (14, 6));
    assert!((0..14).filter(|&i| t.keputusan(i)).count() >= 2);
    assert!(t.langkah.iter().any(|l| l.per_unit));
    // Seeds: lanes and steps as in the assets.
    let b = seed("bkpsdm-90-2023");
    assert_eq!((b.langkah.len(), b.pelaksana.len()), (10, 5));
    let n = seed("badan-ntt-pk");
    assert_eq!((n.langkah.len(), n.pelaksana.len()), (9, 3));
}

#[test]
fn layout_fills_width_and_scrolls_below_minimum() {
    for (name, t) in templates() {
        let states = vec![StepState::Future; t.langkah.len()];
        let minw = min_width(&t);
        let narrow = layout(&t, &states, vec2(200.0, 300.0));
        assert!((narrow.size.x - minw).abs() < 0.5, "{name}: minimum width");
        let wide = layout(&t, &states, vec2(2400.0, 300.0));
        assert!((wide.size.x - 2400.0).abs() < 0.5, "{name}: wide");
        // Columns scale: every column at least as wide as at the minimum.
        for (a, b) in narrow.columns.iter().zip(&wide.columns) {
            assert!(b.1.width() + 0.01 >= a.1.width(), "{name}: {}", a.0);
        }
        // Nonsense sizes do not panic and give the minimum.
        for bad in [
            vec2(f32::NAN, 0.0),
            vec2(-5.0, -5.0),
            vec2(f32::INFINITY, 1.0),
        ] {
            let l = layout(&t, &states, bad);
            assert!((l.size.x - minw).abs() < 0.5, "{name}: {bad:?}");
        }
    }
}

#[test]
fn rows_grow_with_wrapped_text() {
    let mut t = seed("badan-ntt-pk");
    let states = vec![StepState::Future; t.langkah.len()];
    let before = layout(&t, &states, vec2(1000.0, 600.0)).rows[1].height();
    t.langkah[1].kegiatan = "kata ".repeat(120);
    let after = layout(&t, &states, vec2(1000.0, 600.0));
    assert!(after.rows[1].height() > before * 3.0);
    check("panjang", &t, &after, vec2(1000.0, 600.0));
}

#[test]
fn estimate_wraps_words_and_lines() {
    let f = 10.0; // 6 pt per character
    assert_eq!(estimate_text_size("", f, 100.0), Vec2::ZERO);
    let one = estimate_text_size("abc", f, 100.0);
    assert_eq!(one, vec2(18.0, 13.0));
    // 10 characters per line: "aaaa bbbb" | "cccc".
    let two = estimate_text_size("aaaa bbbb cccc", f, 60.0);
    assert_eq!(two, vec2(54.0, 26.0));
    // A long word is broken.
    assert_eq!(estimate_text_size(&"x".repeat(25), f, 60.0).y, 39.0);
    assert_eq!(estimate_text_size("a\nb", f, 60.0).y, 26.0);
}

#[test]
fn notes_and_short_durations() {
    assert_eq!(jam_singkat(45), "45\u{a0}mnt");
    assert_eq!(jam_singkat(120), "2\u{a0}j");
    assert_eq!(jam_singkat(90), "1,5\u{a0}j");
    assert_eq!(jam_singkat(2250), "37,5\u{a0}j");
    assert_eq!(
        node_note(
            &StepState::Current {
                tanpa_libur: false,
                persen: 65,
                late: false,
                units_done: 2,
                units_total: 4
            },
            true
        )
        .as_deref(),
        Some("65%\n2/4\u{a0}unit")
    );
    assert_eq!(
        node_note(
            &StepState::Done {
                late: false,
                used_minutes: 120,
                standard_minutes: 180,
                units_done: 0,
                units_total: 0
            },
            false
        )
        .as_deref(),
        Some("2\u{a0}j / 3\u{a0}j")
    );
    assert_eq!(node_note(&StepState::Future, false), None);
    assert_eq!(
        node_note(&StepState::Future, true).as_deref(),
        Some("per\u{a0}unit")
    );
}

// ---------------------------------------------------------------------------
// States from cycles

#[test]
fn states_of_a_cycle_part_way() {
    let kal = Kalender::bawaan(Zona::Wib);
    let t = seed("badan-ntt-pk");
    // Monday 23 November 2026.
    let mut c = Cycle::start(
        t.clone(),
        vec![],
        kal.standard_day_minutes(),
        wib(2026, 11, 23, 8, 0),
    )
    .unwrap();
    // Step 1 (10 menit) in 5 minutes: on time.
    step(&mut c, "1", None, Action::Selesai, wib(2026, 11, 23, 8, 5));
    // Step 2 (30 menit) in 85 minutes: late.
    step(&mut c, "2", None, Action::Selesai, wib(2026, 11, 23, 9, 30));
    // Step 3 (5 hari = 2250 working minutes) runs; next morning 360 used.
    let now = wib(2026, 11, 24, 8, 0);
    let (states, visits) = step_states(&c, &kal, now, &unit_name);
    assert_eq!(states.len(), 9);
    assert_eq!(
        states[0],
        StepState::Done {
            late: false,
            used_minutes: 5,
            standard_minutes: 10,
            units_done: 0,
            units_total: 0
        }
    );
    assert_eq!(
        states[1],
        StepState::Done {
            late: true,
            used_minutes: 85,
            standard_minutes: 30,
            units_done: 0,
            units_total: 0
        }
    );
    assert_eq!(
        states[2],
        StepState::Current {
            tanpa_libur: false,
            persen: 16,
            late: false,
            units_done: 0,
            units_total: 0
        }
    );
    assert!(states[3..].iter().all(|s| *s == StepState::Future));

    // Visits as display strings.
    assert_eq!(visits[0].len(), 1);
    let v = &visits[1][0];
    assert_eq!(v.mulai, "23 November 2026 08.05 WIB");
    assert_eq!(v.selesai.as_deref(), Some("23 November 2026 09.30 WIB"));
    assert_eq!(v.terpakai, "1 jam 25 menit");
    assert_eq!(v.standar, "30 menit");
    assert_eq!(v.vonis, "Terlambat 55 menit");
    assert_eq!(v.hasil, "Selesai");
    assert_eq!(v.catatan, "catatan 2");
    assert_eq!(v.pelaku, "Pelaksana Uji");
    assert!(v.late && v.unit.is_none());
    let cur = &visits[2][0];
    assert_eq!(cur.selesai, None);
    assert_eq!(cur.hasil, "Sedang berjalan");
    assert_eq!(cur.vonis, "Berjalan (16%)");
    assert!(visits[3].is_empty());

    // The layout carries the states and marks the current step.
    for size in SIZES {
        let lay = layout(&t, &states, size);
        check("badan-ntt-pk (siklus)", &t, &lay, size);
        let current: Vec<usize> = lay
            .nodes
            .iter()
            .filter(|n| n.state.is_current())
            .map(|n| n.step)
            .collect();
        assert_eq!(current, [2]);
        for (n, s) in lay.nodes.iter().zip(&states) {
            assert_eq!(&n.state, s);
        }
        let note = |i: usize| {
            lay.texts
                .iter()
                .find(|tb| tb.role == TextRole::Note && tb.step == Some(i))
                .map(|tb| tb.text.clone())
        };
        assert_eq!(note(0).as_deref(), Some("5\u{a0}mnt / 10\u{a0}mnt"));
        assert_eq!(note(1).as_deref(), Some("1,4\u{a0}j / 30\u{a0}mnt"));
        assert_eq!(note(2).as_deref(), Some("16%"));
        assert_eq!(note(3), None);
    }

    // Two days later step 3 is past its standard: late, share above 100.
    let later = wib(2026, 12, 2, 8, 0);
    let (states, visits) = step_states(&c, &kal, later, &unit_name);
    match states[2] {
        StepState::Current { persen, late, .. } => {
            assert!(late && persen > 100, "{persen}");
        }
        ref s => panic!("{s:?}"),
    }
    assert!(visits[2][0].vonis.starts_with("Lewat batas"));
}

#[test]
fn fan_out_reports_units_and_tolak_lists_every_visit() {
    let kal = Kalender::bawaan(Zona::Wib);
    let t = seed("bkpsdm-90-2023");
    let start = wib(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(
        t.clone(),
        vec![UnitId(11), UnitId(12), UnitId(13), UnitId(14)],
        450,
        start,
    )
    .unwrap();
    step(&mut c, "1", None, Action::Selesai, wib(2026, 11, 23, 8, 3));
    step(&mut c, "2", None, Action::Selesai, wib(2026, 11, 23, 10, 0));
    step(&mut c, "3", Some(12), Action::Ya, wib(2026, 11, 23, 10, 5));
    step(&mut c, "3", Some(11), Action::Ya, wib(2026, 11, 23, 10, 8));
    let now = wib(2026, 11, 23, 10, 10);
    let (states, visits) = step_states(&c, &kal, now, &unit_name);
    let i3 = t.indeks_langkah("3").unwrap();
    assert_eq!(
        states[i3],
        StepState::Current {
            tanpa_libur: false,
            persen: 100,
            late: false,
            units_done: 2,
            units_total: 4
        }
    );
    assert_eq!(visits[i3].len(), 4);
    let units: Vec<Option<String>> = visits[i3].iter().map(|v| v.unit.clone()).collect();
    assert_eq!(
        units,
        [11, 12, 13, 14]
            .map(|u| Some(unit_name(UnitId(u))))
            .to_vec()
    );
    let lay = layout(&t, &states, vec2(1200.0, 800.0));
    check("bkpsdm (per unit)", &t, &lay, vec2(1200.0, 800.0));
    let note = lay
        .texts
        .iter()
        .find(|tb| tb.role == TextRole::Note && tb.step == Some(i3))
        .unwrap();
    assert_eq!(note.text, "100%\n2/4\u{a0}unit");

    // Unit 13 is rejected: its rework opens at step 2 for it alone; step 3
    // has no open task of its own but is through for two units only.
    step(
        &mut c,
        "3",
        Some(13),
        Action::Tolak {
            reason: "Indikator belum sesuai".into(),
        },
        wib(2026, 11, 23, 10, 20),
    );
    step(&mut c, "3", Some(14), Action::Ya, wib(2026, 11, 23, 10, 25));
    let now = wib(2026, 11, 23, 10, 30);
    let (states, visits) = step_states(&c, &kal, now, &unit_name);
    let i2 = t.indeks_langkah("2").unwrap();
    assert!(matches!(states[i2], StepState::Current { .. }));
    match &states[i3] {
        StepState::Done {
            units_done,
            units_total,
            ..
        } => assert_eq!((*units_done, *units_total), (3, 4)),
        s => panic!("{s:?}"),
    }
    assert_eq!(visits[i2].len(), 2, "first visit and unit 13's rework");
    assert_eq!(visits[i2][1].unit.as_deref(), Some("Bidang 13"));
    let tolak = visits[i3]
        .iter()
        .find(|v| v.hasil == "Tolak")
        .expect("the Tolak visit");
    assert_eq!(tolak.alasan, "Indikator belum sesuai");
    assert_eq!(tolak.unit.as_deref(), Some("Bidang 13"));
    let lay = layout(&t, &states, vec2(900.0, 600.0));
    check("bkpsdm (tolak)", &t, &lay, vec2(900.0, 600.0));
}

#[test]
fn decision_loop_shows_done_and_current_after_tolak() {
    let kal = Kalender::standar(Zona::Wib);
    let t = seed("badan-ntt-pk");
    let mut c = Cycle::start(t.clone(), vec![], 450, wib(2026, 11, 23, 8, 0)).unwrap();
    for no in ["1", "2", "3", "4", "5"] {
        step(&mut c, no, None, Action::Selesai, wib(2026, 11, 23, 9, 0));
    }
    step(
        &mut c,
        "6",
        None,
        Action::Tolak {
            reason: "Target belum terukur".into(),
        },
        wib(2026, 11, 23, 9, 30),
    );
    let (states, visits) = step_states(&c, &kal, wib(2026, 11, 23, 10, 0), &unit_name);
    let i5 = t.indeks_langkah("5").unwrap();
    let i6 = t.indeks_langkah("6").unwrap();
    assert!(states[i5].is_current(), "step 5 reopened");
    assert_eq!(visits[i5].len(), 2);
    assert!(matches!(states[i6], StepState::Done { late: false, .. }));
    assert_eq!(visits[i6][0].hasil, "Tolak");
    assert!(states[i6 + 1..].iter().all(|s| *s == StepState::Future));
}

// ---------------------------------------------------------------------------
// Painter smoke tests (headless, no pixels compared)

fn seed_states(t: &SopTemplate) -> (Vec<StepState>, Vec<Vec<StepVisit>>) {
    let kal = Kalender::standar(Zona::Wib);
    let units = if t.langkah.iter().any(|l| l.per_unit) {
        vec![UnitId(1), UnitId(2), UnitId(3)]
    } else {
        vec![]
    };
    let mut c = Cycle::start(t.clone(), units, 450, wib(2026, 11, 23, 8, 0)).unwrap();
    step(&mut c, "1", None, Action::Selesai, wib(2026, 11, 23, 8, 30));
    step(&mut c, "2", None, Action::Selesai, wib(2026, 11, 23, 9, 0));
    step_states(&c, &kal, wib(2026, 11, 23, 10, 0), &unit_name)
}

#[test]
fn view_paints_each_template_at_small_and_large_sizes() {
    for (name, t) in templates() {
        let (states, visits) = seed_states(&t);
        for size in [vec2(400.0, 300.0), vec2(1600.0, 1000.0)] {
            let mut h = Harness::builder()
                .with_size(size)
                .with_max_steps(60)
                .build_ui_state(
                    |ui, view: &mut FlowView| view.show(ui, &t, &states, &visits),
                    FlowView::default(),
                );
            h.run();
            // The sheet starts fitted to the width.
            let fit = h.state().zoom();
            assert!(
                (super::paint::ZOOM_MIN..=1.0).contains(&fit),
                "{name}: {fit}"
            );
            // Hover the middle of the chart (tooltip path), then zoom with the
            // buttons and Ctrl + scroll, then fit again.
            h.hover_at(egui::pos2(size.x / 2.0, size.y * 0.6));
            h.run();
            h.get_by_label("Perbesar").click();
            h.run();
            assert!((h.state().zoom() - fit * 1.25).abs() < 1e-4, "{name}");
            h.event_modifiers(
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Line,
                    delta: vec2(0.0, 3.0),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::COMMAND,
                },
                egui::Modifiers::COMMAND,
            );
            h.run();
            h.get_by_label("Perkecil").click();
            h.run();
            h.get_by_label("Pas di layar").click();
            h.run();
            assert!((h.state().zoom() - fit).abs() < 1e-4, "{name}");
            assert_eq!(h.state().pan(), Vec2::ZERO, "{name}");
        }
    }
}

#[test]
fn hover_lists_visits_or_says_not_started() {
    let t = seed("badan-ntt-pk");
    let (states, visits) = seed_states(&t);
    let size = vec2(1400.0, 1600.0);
    let mut h = Harness::builder().with_size(size).build_ui_state(
        |ui, view: &mut FlowView| view.show(ui, &t, &states, &visits),
        FlowView::default(),
    );
    h.ctx.all_styles_mut(|s| s.interaction.tooltip_delay = 0.0);
    h.run();
    let row = |h: &Harness<'_, FlowView>, no: &str| {
        let i = t.indeks_langkah(no).unwrap();
        h.state().row_on_screen(i).expect("row drawn")
    };
    // Step 2 (done on time): its visit.
    let r = row(&h, "2");
    assert!(r.bottom() < size.y, "row 2 on screen");
    h.hover_at(r.center());
    h.run();
    assert!(h.query_by_label("Belum dikerjakan").is_none());
    assert!(h.query_by_label_contains("Pelaksana Uji").is_some());
    assert!(h.query_by_label("23 November 2026 08.30 WIB").is_some());
    assert!(h.query_by_label_contains("catatan 2").is_some());
    // Step 8 (future): nothing yet.
    let r = row(&h, "8");
    assert!(r.bottom() < size.y, "row 8 on screen");
    h.hover_at(r.center());
    h.run();
    assert!(h.query_by_label("Belum dikerjakan").is_some());
    assert!(h.query_by_label_contains("catatan 2").is_none());
}

#[test]
fn drag_and_wheel_pan_the_sheet() {
    let t = synthetic();
    let (states, visits) = seed_states(&t);
    let mut h = Harness::builder()
        .with_size(vec2(1000.0, 500.0))
        .build_ui_state(
            |ui, view: &mut FlowView| view.show(ui, &t, &states, &visits),
            FlowView::default(),
        );
    h.run();
    assert_eq!(h.state().pan(), Vec2::ZERO);
    let zoom = h.state().zoom();
    // Drag the sheet up by 150 points.
    let (from, to) = (egui::pos2(500.0, 400.0), egui::pos2(500.0, 250.0));
    h.hover_at(from);
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for k in 1..=10 {
        h.hover_at(from + (to - from) * (k as f32 / 10.0));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let after_drag = h.state().pan();
    assert!(after_drag.y > 100.0, "dragged: {after_drag:?}");
    // The wheel scrolls further down.
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(12);
    assert!(
        h.state().pan().y > after_drag.y + 50.0,
        "{:?}",
        h.state().pan()
    );
    assert!(
        (h.state().zoom() - zoom).abs() < 1e-4,
        "plain wheel does not zoom"
    );
}
