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
use egui::{Align, Pos2, Rect, Vec2, vec2};

mod place;

pub use place::layout_with;

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
            tanpa_libur,
            ..
        } => {
            let mut s = format!("{persen}%");
            if *units_total > 0 {
                s.push_str(&format!("\n{units_done}/{units_total}{NBSP}unit"));
            }
            if *tanpa_libur {
                s.push_str(&format!("\ntanpa{NBSP}libur"));
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
