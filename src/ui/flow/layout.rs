//! The flowchart's geometry as a pure function: template + step states +
//! available size → header cells, lane columns, rows, nodes, arrows and every
//! text box with its place; and the step states of a cycle. No egui context
//! and no clock are involved, so the tests check the drawing without pixels;
//! [`super::paint`] only paints what this module placed.
//!
//! # Sheet
//! Like the paper SOP sheet (Permenpan RB 35/2012): a two-tier header
//! (`No | Kegiatan | Pelaksana: one column per lane | Mutu Baku: Kelengkapan,
//! Waktu, Output`), then one row per step. The symbol of a step sits in its
//! lane's cell: a capsule for the first and the last (akhir) step, a diamond
//! for a decision (`tolak_ke` set), a rectangle otherwise.
//!
//! # Lane cell of a row, top to bottom
//! A top band ([`TOP_BAND`]) where a forward arrow coming from another lane
//! runs across; the symbol; below it the step's note ("65%", "2 j / 3 j",
//! "2/4 unit") on one side of the outgoing arrow and, for a decision, the
//! "Ya" label on the other side. Reject loops run vertically in a band beside
//! the symbols ("loop side": right of the symbol, or left in the last lane so
//! that the "Tidak" label never spills into the Mutu Baku text), nested loops
//! of one lane offset by [`LOOP_STEP`] (shorter loops inside). The note is
//! always on the side away from the loops.
//!
//! # Text measurement
//! Row heights grow with wrapped text. [`layout_with`] takes a `measure`
//! function `(text, font_size, wrap_width) → size of the wrapped text`; the
//! painter passes egui's real galley measure. [`layout`] uses
//! [`estimate_text_size`], a deterministic estimate for tests: greedy word
//! wrap where every character is [`CHAR_W_EM`] em wide (a long word is broken)
//! and a line is [`LINE_H_EM`] em tall (`\n` breaks a line; a non-breaking
//! space, used in the notes between a number and its unit, does not).
//! 0.6 em is wider than the average glyph of egui's default proportional
//! font, so the estimate errs towards taller rows.
//!
//! # Step states
//! The states come from `model::workflow::states_of` (pure: `now` is a
//! parameter), the visits' display strings from `app::view::step_states`.
//!
//! # Width
//! The layout fills `size.x` (columns scale between their minimum and ideal
//! widths, and beyond the ideal in proportion); below the sheet's minimum
//! width ([`min_width`]) it keeps that minimum and the view scrolls
//! horizontally. Its height follows from the rows; `size.y` is not used.

use crate::model::sop::SopTemplate;
use crate::model::workflow::StepState;
use egui::{Align, Pos2, Rect, Vec2, pos2, vec2};

/// Body text (No, Kegiatan) and header size, in points at scale 1.
pub const FONT_BODY: f32 = 13.0;
/// Small text (Mutu Baku cells, notes, arrow labels), in points at scale 1.
pub const FONT_SMALL: f32 = 11.0;
/// Estimated average glyph width, in em (see the module docs).
pub const CHAR_W_EM: f32 = 0.6;
/// Estimated line height, in em.
pub const LINE_H_EM: f32 = 1.3;

/// Padding inside text cells.
pub const PAD: f32 = 5.0;
/// Space above a symbol in its cell (forward arrows between lanes run here).
pub const TOP_BAND: f32 = 18.0;
/// Space under the last thing in a lane cell.
pub const BOTTOM_PAD: f32 = 6.0;
/// Height of a rectangle or capsule.
pub const NODE_H: f32 = 30.0;
/// Height of a diamond.
pub const DIAMOND_H: f32 = 44.0;
/// Widest rectangle/capsule.
pub const NODE_W_MAX: f32 = 110.0;
/// Narrowest rectangle/capsule (the lane's minimum width keeps room for it).
pub const NODE_W_MIN: f32 = 40.0;
/// Widest diamond.
pub const DIAMOND_W_MAX: f32 = 80.0;
/// Distance from the symbols' side to the innermost reject loop.
pub const LOOP_GAP: f32 = 7.0;
/// Distance between nested reject loops of one lane.
pub const LOOP_STEP: f32 = 7.0;
/// Space between the outermost loop and the lane's edge.
pub const LOOP_MARGIN: f32 = 6.0;
/// Arrow labels.
pub const LABEL_YA: &str = "Ya";
pub const LABEL_TIDAK: &str = "Tidak";

/// Column widths at scale 1: (ideal, minimum).
const W_NO: (f32, f32) = (40.0, 30.0);
const W_KEGIATAN: (f32, f32) = (260.0, 150.0);
const W_LANE: (f32, f32) = (130.0, 90.0);
const W_KELENGKAPAN: (f32, f32) = (180.0, 110.0);
const W_WAKTU: (f32, f32) = (80.0, 60.0);
const W_OUTPUT: (f32, f32) = (170.0, 100.0);

/// Symbol of a step (Permenpan RB 35/2012).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Start (first step) and end (`akhir`).
    Capsule,
    /// An activity.
    Rect,
    /// A decision (`tolak_ke` set).
    Diamond,
}

/// A lane column (one Pelaksana).
#[derive(Clone, Debug, PartialEq)]
pub struct LaneCol {
    pub kode: String,
    pub nama: String,
    /// The whole column below the header.
    pub rect: Rect,
}

/// The symbol of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Step index.
    pub step: usize,
    /// Lane index.
    pub lane: usize,
    pub rect: Rect,
    pub shape: Shape,
    /// Fan-out step (drawn with a double outline).
    pub per_unit: bool,
    pub state: StepState,
}

impl Node {
    /// Where an incoming forward arrow ends (on the border).
    pub fn top(&self) -> Pos2 {
        self.rect.center_top()
    }

    /// Where the outgoing forward arrow starts (on the border).
    pub fn bottom(&self) -> Pos2 {
        self.rect.center_bottom()
    }

    /// The point of the symbol's border on its horizontal middle line, on the
    /// left or right.
    pub fn side(&self, right: bool) -> Pos2 {
        if right {
            self.rect.right_center()
        } else {
            self.rect.left_center()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrowKind {
    /// To the next step (for a decision: the Ya path).
    Forward,
    /// A decision's Tolak/Tidak loop back to its target.
    Reject,
}

/// A polyline with an arrow head at its last point.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Step indices.
    pub from: usize,
    pub to: usize,
    /// Axis-parallel segments; the first point is on the source node's
    /// border, the last on the target node's border.
    pub points: Vec<Pos2>,
    pub kind: ArrowKind,
    /// "Ya" on a decision's forward arrow, "Tidak" on reject loops.
    pub label: Option<&'static str>,
    /// Where the label is drawn (also listed in [`FlowLayout::texts`]).
    pub label_rect: Option<Rect>,
}

/// What a text box holds (the painter picks font and colour by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    /// Header cell ("No", "Kegiatan", a lane name, "Mutu Baku", …).
    Header,
    /// The step number.
    No,
    /// The step's activity.
    Kegiatan,
    /// Kelengkapan, Waktu or Output.
    MutuBaku,
    /// A node's note: share of time used, time used / standard, units done.
    Note,
    /// "Ya" / "Tidak" on an arrow.
    Label,
}

/// A text placed by the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    pub text: String,
    /// The space the wrapped text takes (measured), inside its cell.
    pub rect: Rect,
    /// Wrap width to lay the text out with (≥ `rect.width()`).
    pub wrap: f32,
    pub font_size: f32,
    /// Horizontal alignment of the lines: draw at `rect.left_top()`,
    /// `rect.center_top()` or `rect.right_top()` with this alignment.
    pub align: Align,
    pub role: TextRole,
    /// The step it belongs to (None for the header).
    pub step: Option<usize>,
}

impl TextBox {
    /// The anchor to lay the galley out from, matching [`TextBox::align`].
    pub fn anchor(&self) -> Pos2 {
        match self.align {
            Align::Min => self.rect.left_top(),
            Align::Center => self.rect.center_top(),
            Align::Max => self.rect.right_top(),
        }
    }
}

/// The whole flowchart, in content coordinates (origin at the top left).
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLayout {
    /// Content size: fills the given width (or the minimum width), height
    /// from the rows.
    pub size: Vec2,
    /// Scale the layout was made at (the view's zoom).
    pub scale: f32,
    /// Header cells: No, Kegiatan, each lane name, Kelengkapan, Waktu, Output.
    /// No and Kegiatan span both header tiers; the others are lower-tier cells.
    pub columns: Vec<(String, Rect)>,
    /// Upper-tier header cells spanning several columns: "Pelaksana" and
    /// "Mutu Baku".
    pub groups: Vec<(String, Rect)>,
    /// The whole header.
    pub header: Rect,
    pub lanes: Vec<LaneCol>,
    /// One per step, full width.
    pub rows: Vec<Rect>,
    /// One per step, in step order.
    pub nodes: Vec<Node>,
    pub arrows: Vec<Arrow>,
    /// Every text: header, cells, notes and arrow labels.
    pub texts: Vec<TextBox>,
}

impl FlowLayout {
    /// The cell of step `step` in column `col` (index into [`FlowLayout::columns`]).
    pub fn cell(&self, step: usize, col: usize) -> Rect {
        let c = self.columns[col].1;
        let r = self.rows[step];
        Rect::from_x_y_ranges(c.x_range(), r.y_range())
    }

    /// The step whose row contains `p`.
    pub fn row_at(&self, p: Pos2) -> Option<usize> {
        self.rows.iter().position(|r| r.contains(p))
    }
}

/// Measures wrapped text: `(text, font_size, wrap_width) → size`.
pub type Measure<'a> = &'a dyn Fn(&str, f32, f32) -> Vec2;

/// Deterministic size estimate of wrapped text (see the module docs): greedy
/// word wrap with [`CHAR_W_EM`]-wide characters, [`LINE_H_EM`]-tall lines;
/// `\n` breaks lines; empty text has zero size.
pub fn estimate_text_size(text: &str, font_size: f32, wrap_width: f32) -> Vec2 {
    if text.is_empty() {
        return Vec2::ZERO;
    }
    let char_w = font_size * CHAR_W_EM;
    let max_chars = if wrap_width.is_finite() {
        ((wrap_width / char_w).floor() as usize).max(1)
    } else {
        usize::MAX
    };
    let mut lines = 0usize;
    let mut widest = 0usize;
    for para in text.split('\n') {
        let mut cur = 0usize; // chars on the current line
        let mut para_lines = 1usize;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let mut n = word.chars().count();
            let need = if cur == 0 { n } else { cur + 1 + n };
            if need <= max_chars {
                cur = need;
                continue;
            }
            if cur > 0 {
                widest = widest.max(cur);
                para_lines += 1;
            }
            // A word longer than a line is broken.
            while n > max_chars {
                widest = widest.max(max_chars);
                para_lines += 1;
                n -= max_chars;
            }
            cur = n;
        }
        widest = widest.max(cur);
        lines += para_lines;
    }
    vec2(widest as f32 * char_w, lines as f32 * font_size * LINE_H_EM)
}

/// The layout with the deterministic text estimate at scale 1 (for tests and
/// any caller without fonts).
pub fn layout(t: &SopTemplate, states: &[StepState], size: Vec2) -> FlowLayout {
    layout_with(t, states, size, 1.0, &estimate_text_size)
}

/// Which side of the symbols a lane's reject loops run on.
fn loops_right(lane: usize, n_lanes: usize) -> bool {
    n_lanes < 2 || lane + 1 < n_lanes
}

/// The shape of step `i`.
pub fn shape_of(t: &SopTemplate, i: usize) -> Shape {
    let l = &t.langkah[i];
    if i == 0 || l.akhir || i + 1 == t.langkah.len() {
        Shape::Capsule
    } else if l.tolak_ke.is_some() {
        Shape::Diamond
    } else {
        Shape::Rect
    }
}

/// The note drawn by a node: share of time used, used against standard
/// (hours, so that no day length is needed: "2 j / 3 j", "45 mnt / 1 j"),
/// units done of a fan-out step.
pub fn node_note(state: &StepState, per_unit: bool) -> Option<String> {
    match state {
        StepState::Future => per_unit.then(|| format!("per{NBSP}unit")),
        StepState::Current {
            persen,
            units_done,
            units_total,
            ..
        } => {
            let mut s = format!("{persen}%");
            if *units_total > 0 {
                s.push_str(&format!("\n{units_done}/{units_total}{NBSP}unit"));
            }
            Some(s)
        }
        StepState::Done {
            used_minutes,
            standard_minutes,
            units_done,
            units_total,
            ..
        } => {
            let mut s = format!(
                "{} / {}",
                jam_singkat(*used_minutes),
                jam_singkat(i64::from(*standard_minutes))
            );
            if *units_total > 0 {
                s.push_str(&format!("\n{units_done}/{units_total}{NBSP}unit"));
            }
            Some(s)
        }
    }
}

/// No line break between a number and its unit.
const NBSP: char = '\u{a0}';

/// "45 mnt", "2 j", "1,5 j", "37,5 j" (tenths of an hour), with a
/// non-breaking space before the unit.
pub fn jam_singkat(menit: i64) -> String {
    let m = menit.max(0);
    if m < 60 {
        format!("{m}{NBSP}mnt")
    } else {
        let jam = (m as f64 / 6.0).round() / 10.0;
        format!("{}{NBSP}j", crate::fmt::angka(jam))
    }
}

/// Per lane side: the nesting index of each decision's reject loop. Loops of
/// one lane whose row spans overlap get distinct indices, shorter loops
/// first (inside).
fn loop_slots(t: &SopTemplate, lane_of: &[usize]) -> Vec<Option<usize>> {
    let n = t.langkah.len();
    let mut order: Vec<(usize, usize)> = (0..n)
        .filter_map(|i| t.target_tolak(i).map(|j| (i, j.min(i))))
        .collect();
    order.sort_by_key(|&(i, j)| (i - j, i));
    let mut slot: Vec<Option<usize>> = vec![None; n];
    let mut placed: Vec<(usize, usize, usize, usize)> = Vec::new(); // lane, j, i, k
    for (i, j) in order {
        let lane = lane_of[i];
        let mut k = 0;
        while placed
            .iter()
            .any(|&(l2, j2, i2, k2)| l2 == lane && k2 == k && j <= i2 && j2 <= i)
        {
            k += 1;
        }
        placed.push((lane, j, i, k));
        slot[i] = Some(k);
    }
    slot
}

/// Column widths (No, Kegiatan, lanes…, Kelengkapan, Waktu, Output) at
/// scale 1: ideal and minimum.
fn column_specs(n_lanes: usize, lane_min: f32) -> Vec<(f32, f32)> {
    let mut v = vec![W_NO, W_KEGIATAN];
    v.extend(std::iter::repeat_n(
        (W_LANE.0.max(lane_min), W_LANE.1.max(lane_min)),
        n_lanes,
    ));
    v.extend([W_KELENGKAPAN, W_WAKTU, W_OUTPUT]);
    v
}

/// Width of the band beside the symbols that a lane needs for `slots`
/// nested loops (at scale 1).
fn loop_band(slots: usize) -> f32 {
    if slots == 0 {
        LOOP_MARGIN + 2.0
    } else {
        LOOP_GAP + (slots - 1) as f32 * LOOP_STEP + LOOP_MARGIN
    }
}

/// The sheet's minimum width at scale 1 (below it the view scrolls).
pub fn min_width(t: &SopTemplate) -> f32 {
    let (band, _) = bands(t, &estimate_text_size);
    let lane_min = NODE_W_MIN + 2.0 * band;
    column_specs(t.pelaksana.len().max(1), lane_min)
        .iter()
        .map(|c| c.1)
        .sum()
}

/// The band beside the symbols (scale 1) and the loop slots.
fn bands(t: &SopTemplate, measure: Measure<'_>) -> (f32, Vec<Option<usize>>) {
    let n_lanes = t.pelaksana.len().max(1);
    let lane_of: Vec<usize> = t
        .langkah
        .iter()
        .map(|l| t.indeks_pelaksana(&l.pelaksana).unwrap_or(0))
        .collect();
    let slots = loop_slots(t, &lane_of);
    let max_slots = slots.iter().flatten().map(|k| k + 1).max().unwrap_or(0);
    let mut band = loop_band(max_slots);
    if n_lanes == 1 && max_slots > 0 {
        // The "Tidak" label has no neighbouring lane to spill into.
        let w = measure(LABEL_TIDAK, FONT_SMALL, f32::INFINITY).x;
        band = band.max(w + 3.0 + LOOP_MARGIN);
    }
    (band, slots)
}

/// Lays out the sheet. `scale` multiplies every length and font size (the
/// view's zoom); `size.x` is the width to fill, already scaled; `measure`
/// gives the size of wrapped text at a font size (see the module docs).
pub fn layout_with(
    t: &SopTemplate,
    states: &[StepState],
    size: Vec2,
    scale: f32,
    measure: Measure<'_>,
) -> FlowLayout {
    let s = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let m = |text: &str, font: f32, wrap: f32| -> Vec2 {
        let v = measure(text, font, wrap.max(1.0));
        vec2(v.x.max(0.0), v.y.max(0.0))
    };
    let n_lanes = t.pelaksana.len();
    let n_steps = t.langkah.len();
    let f_body = FONT_BODY * s;
    let f_small = FONT_SMALL * s;
    let pad = PAD * s;

    // --- columns -----------------------------------------------------------
    let (band1, slots) = bands(t, measure);
    let lane_min = NODE_W_MIN + 2.0 * band1;
    let specs = column_specs(n_lanes, lane_min);
    let min_total: f32 = specs.iter().map(|c| c.1).sum::<f32>() * s;
    let ideal_total: f32 = specs.iter().map(|c| c.0).sum::<f32>() * s;
    let want = if size.x.is_finite() { size.x } else { 0.0 };
    let width = want.max(min_total);
    let widths: Vec<f32> = if width <= ideal_total {
        let f = if ideal_total > min_total {
            (width - min_total) / (ideal_total - min_total)
        } else {
            0.0
        };
        specs
            .iter()
            .map(|&(ideal, min)| (min + (ideal - min) * f) * s)
            .collect()
    } else {
        specs
            .iter()
            .map(|&(ideal, _)| ideal * s * width / ideal_total)
            .collect()
    };
    let mut xs = Vec::with_capacity(widths.len() + 1);
    let mut x = 0.0;
    xs.push(x);
    for w in &widths {
        x += w;
        xs.push(x);
    }
    // Absorb rounding: the last edge is the width.
    if let Some(last) = xs.last_mut() {
        *last = width;
    }
    let col_x = |c: usize| (xs[c], xs[c + 1]);
    let c_no = 0;
    let c_keg = 1;
    let c_lane0 = 2;
    let c_kel = 2 + n_lanes;
    let c_waktu = c_kel + 1;
    let c_output = c_kel + 2;

    // --- header ------------------------------------------------------------
    let mut texts: Vec<TextBox> = Vec::new();
    let col_w = |c: usize| xs[c + 1] - xs[c];
    let wrap_of = |c: usize| (col_w(c) - 2.0 * pad).max(1.0);
    let lane_names: Vec<String> = t.pelaksana.iter().map(|p| p.nama.clone()).collect();
    let mut lower: Vec<(String, usize)> = lane_names
        .iter()
        .enumerate()
        .map(|(k, n)| (n.clone(), c_lane0 + k))
        .collect();
    lower.push(("Kelengkapan".into(), c_kel));
    lower.push(("Waktu".into(), c_waktu));
    lower.push(("Output".into(), c_output));
    let groups_spec = [
        ("Pelaksana", c_lane0, c_kel),
        ("Mutu Baku", c_kel, c_output + 1),
    ];
    let tier1_h = groups_spec
        .iter()
        .map(|(g, a, b)| m(g, f_body, xs[*b] - xs[*a] - 2.0 * pad).y)
        .fold(0.0, f32::max)
        + 2.0 * pad;
    let tier2_h = lower
        .iter()
        .map(|(n, c)| m(n, f_body, wrap_of(*c)).y)
        .fold(0.0, f32::max)
        + 2.0 * pad;
    let spanning_h = [("No", c_no), ("Kegiatan", c_keg)]
        .iter()
        .map(|(n, c)| m(n, f_body, wrap_of(*c)).y + 2.0 * pad)
        .fold(0.0, f32::max);
    let tier2_h = tier2_h.max(spanning_h - tier1_h);
    let header_h = tier1_h + tier2_h;
    let header = Rect::from_min_max(pos2(0.0, 0.0), pos2(width, header_h));

    let header_text = |texts: &mut Vec<TextBox>, text: &str, cell: Rect| {
        let wrap = (cell.width() - 2.0 * pad).max(1.0);
        let sz = m(text, f_body, wrap);
        let rect = Rect::from_center_size(cell.center(), sz);
        texts.push(TextBox {
            text: text.to_string(),
            rect,
            wrap,
            font_size: f_body,
            align: Align::Center,
            role: TextRole::Header,
            step: None,
        });
    };
    let mut columns: Vec<(String, Rect)> = Vec::new();
    for (name, c) in [("No", c_no), ("Kegiatan", c_keg)] {
        let (a, b) = col_x(c);
        let cell = Rect::from_min_max(pos2(a, 0.0), pos2(b, header_h));
        header_text(&mut texts, name, cell);
        columns.push((name.to_string(), cell));
    }
    for (name, c) in &lower {
        let (a, b) = col_x(*c);
        let cell = Rect::from_min_max(pos2(a, tier1_h), pos2(b, header_h));
        header_text(&mut texts, name, cell);
        columns.push((name.clone(), cell));
    }
    let mut groups = Vec::new();
    for (g, a, b) in groups_spec {
        let cell = Rect::from_min_max(pos2(xs[a], 0.0), pos2(xs[b], tier1_h));
        header_text(&mut texts, g, cell);
        groups.push((g.to_string(), cell));
    }

    // --- symbol sizes ------------------------------------------------------
    let lane_w = if n_lanes > 0 { col_w(c_lane0) } else { 0.0 };
    let band = band1 * s;
    let node_w = (lane_w - 2.0 * band).clamp(NODE_W_MIN * s, NODE_W_MAX * s);
    let diamond_w = node_w.min(DIAMOND_W_MAX * s);
    let node_h = NODE_H * s;
    let diamond_h = DIAMOND_H * s;
    let lane_of: Vec<usize> = t
        .langkah
        .iter()
        .map(|l| {
            t.indeks_pelaksana(&l.pelaksana)
                .unwrap_or(0)
                .min(n_lanes.saturating_sub(1))
        })
        .collect();
    let lane_cx = |k: usize| {
        let (a, b) = col_x(c_lane0 + k);
        (a + b) / 2.0
    };
    let note_wrap = (lane_w / 2.0 - 7.0 * s).max(1.0);
    let ya_size = m(LABEL_YA, f_small, f32::INFINITY);
    let tidak_size = m(LABEL_TIDAK, f_small, f32::INFINITY);

    // --- rows --------------------------------------------------------------
    let mut rows = Vec::with_capacity(n_steps);
    let mut nodes = Vec::with_capacity(n_steps);
    let mut y = header_h;
    let future = StepState::Future;
    for (i, l) in t.langkah.iter().enumerate() {
        let state = states.get(i).unwrap_or(&future).clone();
        let shape = shape_of(t, i);
        let (w, h) = match shape {
            Shape::Diamond => (diamond_w, diamond_h),
            _ => (node_w, node_h),
        };
        let lane = lane_of[i];
        let right = loops_right(lane, n_lanes);
        let cx = lane_cx(lane);
        let note = node_note(&state, l.per_unit);
        let note_size = note
            .as_deref()
            .map_or(Vec2::ZERO, |n| m(n, f_small, note_wrap));
        let decision = t.keputusan(i) && i + 1 < n_steps;
        let below = note_size.y.max(if decision { ya_size.y } else { 0.0 });
        let lane_need =
            TOP_BAND * s + h + if below > 0.0 { below + 4.0 * s } else { 0.0 } + BOTTOM_PAD * s;

        let kelengkapan = l
            .kelengkapan
            .iter()
            .map(|k| format!("• {k}"))
            .collect::<Vec<_>>()
            .join("\n");
        let waktu = l.waktu.to_string();
        let cell_texts = [
            (l.no.as_str(), c_no, f_body, Align::Center, TextRole::No),
            (
                l.kegiatan.as_str(),
                c_keg,
                f_body,
                Align::Min,
                TextRole::Kegiatan,
            ),
            (
                kelengkapan.as_str(),
                c_kel,
                f_small,
                Align::Min,
                TextRole::MutuBaku,
            ),
            (
                waktu.as_str(),
                c_waktu,
                f_small,
                Align::Center,
                TextRole::MutuBaku,
            ),
            (
                l.output.as_str(),
                c_output,
                f_small,
                Align::Min,
                TextRole::MutuBaku,
            ),
        ];
        let sizes: Vec<Vec2> = cell_texts
            .iter()
            .map(|(txt, c, f, _, _)| m(txt, *f, wrap_of(*c)))
            .collect();
        let text_need = sizes.iter().map(|v| v.y).fold(0.0, f32::max) + 2.0 * pad;
        let row_h = lane_need.max(text_need);
        let row = Rect::from_min_max(pos2(0.0, y), pos2(width, y + row_h));
        rows.push(row);

        for ((txt, c, f, align, role), sz) in cell_texts.iter().zip(&sizes) {
            if txt.is_empty() {
                continue;
            }
            let (a, b) = col_x(*c);
            let wrap = wrap_of(*c);
            let left = match align {
                Align::Center => (a + b) / 2.0 - sz.x / 2.0,
                _ => a + pad,
            };
            texts.push(TextBox {
                text: txt.to_string(),
                rect: Rect::from_min_size(pos2(left, y + pad), *sz),
                wrap,
                font_size: *f,
                align: *align,
                role: *role,
                step: Some(i),
            });
        }

        // The symbol, centred vertically in the space the lane cell needs.
        let extra = (row_h - lane_need) / 2.0;
        let top = y + TOP_BAND * s + extra;
        let rect = Rect::from_min_size(pos2(cx - w / 2.0, top), vec2(w, h));
        if let Some(n) = note {
            // On the side away from the loops, beside the outgoing arrow.
            let ny = rect.bottom() + 4.0 * s;
            let (nrect, align) = if right {
                (
                    Rect::from_min_size(pos2(cx - 4.0 * s - note_size.x, ny), note_size),
                    Align::Max,
                )
            } else {
                (
                    Rect::from_min_size(pos2(cx + 4.0 * s, ny), note_size),
                    Align::Min,
                )
            };
            texts.push(TextBox {
                text: n,
                rect: nrect,
                wrap: note_wrap,
                font_size: f_small,
                align,
                role: TextRole::Note,
                step: Some(i),
            });
        }
        nodes.push(Node {
            step: i,
            lane,
            rect,
            shape,
            per_unit: l.per_unit,
            state,
        });
        y += row_h;
    }

    // --- lanes -------------------------------------------------------------
    let lanes: Vec<LaneCol> = t
        .pelaksana
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let (a, b) = col_x(c_lane0 + k);
            LaneCol {
                kode: p.kode.clone(),
                nama: p.nama.clone(),
                rect: Rect::from_min_max(pos2(a, header_h), pos2(b, y)),
            }
        })
        .collect();

    // --- arrows ------------------------------------------------------------
    let mut arrows = Vec::new();
    for i in 0..n_steps.saturating_sub(1) {
        let (a, b) = (&nodes[i], &nodes[i + 1]);
        let start = a.bottom();
        let end = b.top();
        let points = if (start.x - end.x).abs() < 0.01 {
            vec![start, pos2(start.x, end.y)]
        } else {
            let ym = rows[i + 1].top() + TOP_BAND * s / 2.0;
            vec![start, pos2(start.x, ym), pos2(end.x, ym), end]
        };
        let decision = t.keputusan(i);
        let label_rect = decision.then(|| {
            let ly = start.y + 2.0 * s;
            if loops_right(a.lane, n_lanes) {
                Rect::from_min_size(pos2(start.x + 3.0 * s, ly), ya_size)
            } else {
                Rect::from_min_size(pos2(start.x - 3.0 * s - ya_size.x, ly), ya_size)
            }
        });
        arrows.push(Arrow {
            from: i,
            to: i + 1,
            points,
            kind: ArrowKind::Forward,
            label: decision.then_some(LABEL_YA),
            label_rect,
        });
    }
    for i in 0..n_steps {
        let Some(j) = t.target_tolak(i) else { continue };
        let (a, b) = (&nodes[i], &nodes[j]);
        let right = loops_right(a.lane, n_lanes);
        let k = slots[i].unwrap_or(0) as f32;
        let off = node_w / 2.0 + (LOOP_GAP + k * LOOP_STEP) * s;
        let cx = lane_cx(a.lane);
        let xl = if right { cx + off } else { cx - off };
        let start = a.side(right);
        let end = b.side(xl > b.rect.center().x);
        let points = vec![start, pos2(xl, start.y), pos2(xl, end.y), end];
        let label_rect = if right {
            Rect::from_min_size(pos2(start.x + 3.0 * s, start.y + 2.0 * s), tidak_size)
        } else {
            Rect::from_min_size(
                pos2(start.x - 3.0 * s - tidak_size.x, start.y + 2.0 * s),
                tidak_size,
            )
        };
        arrows.push(Arrow {
            from: i,
            to: j,
            points,
            kind: ArrowKind::Reject,
            label: Some(LABEL_TIDAK),
            label_rect: Some(label_rect),
        });
    }
    for a in &arrows {
        if let (Some(text), Some(rect)) = (a.label, a.label_rect) {
            texts.push(TextBox {
                text: text.to_string(),
                rect,
                wrap: f32::INFINITY,
                font_size: f_small,
                align: Align::Min,
                role: TextRole::Label,
                step: Some(a.from),
            });
        }
    }

    FlowLayout {
        size: vec2(width, y),
        scale: s,
        columns,
        groups,
        header,
        lanes,
        rows,
        nodes,
        arrows,
        texts,
    }
}
