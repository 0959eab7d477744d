//! [`layout_with`] and its phases: columns, header, rows with their symbols, lanes and arrows.

use egui::{Align, Rect, Vec2, pos2, vec2};

use super::{
    Arrow, ArrowKind, BOTTOM_PAD, DIAMOND_H, DIAMOND_W_MAX, FONT_BODY, FONT_SMALL, FlowLayout,
    LABEL_TIDAK, LABEL_YA, LOOP_GAP, LOOP_STEP, LaneCol, Measure, NODE_H, NODE_W_MAX, NODE_W_MIN,
    Node, PAD, Shape, TOP_BAND, TextBox, TextRole, bands, column_specs, loops_right, node_note,
    shape_of,
};
use crate::model::sop::SopTemplate;
use crate::model::workflow::StepState;

/// Lays out the sheet. `scale` multiplies every length and font size (the
/// view's zoom); `size.x` is the width to fill, already scaled; `measure`
/// gives the size of wrapped text at a font size (see the docs of the
/// `layout` module).
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
    let cx = Ctx {
        s,
        f_body: FONT_BODY * s,
        f_small: FONT_SMALL * s,
        pad: PAD * s,
        measure,
    };
    let (band1, slots) = bands(t, measure);
    let cols = Cols::new(t.pelaksana.len(), band1, size, s);
    let mut texts: Vec<TextBox> = Vec::new();
    let head = Header::new(&cx, t, &cols, &mut texts);
    let sym = Symbols::new(&cx, t, &cols, band1);
    let body = lay_rows(&cx, t, states, &cols, &sym, head.h, &mut texts);
    let lanes = lane_cols(t, &cols, head.h, body.bottom);
    let mut arrows = forward_arrows(&cx, t, &body, &sym, cols.n_lanes);
    arrows.extend(reject_arrows(&cx, t, &body, &sym, &cols, &slots));
    label_texts(&cx, &arrows, &mut texts);

    FlowLayout {
        size: vec2(cols.width, body.bottom),
        scale: s,
        columns: head.columns,
        groups: head.groups,
        header: head.rect,
        lanes,
        rows: body.rows,
        nodes: body.nodes,
        arrows,
        texts,
    }
}

/// The scale, the scaled font sizes and padding, and the text measure.
struct Ctx<'a> {
    s: f32,
    f_body: f32,
    f_small: f32,
    pad: f32,
    measure: Measure<'a>,
}

impl Ctx<'_> {
    /// The measured size of wrapped text, never negative.
    fn m(&self, text: &str, font: f32, wrap: f32) -> Vec2 {
        let v = (self.measure)(text, font, wrap.max(1.0));
        vec2(v.x.max(0.0), v.y.max(0.0))
    }
}

/// The column edges: No, Kegiatan, the lanes, Kelengkapan, Waktu, Output.
struct Cols {
    /// Left edge of each column, then the right edge of the last.
    xs: Vec<f32>,
    width: f32,
    n_lanes: usize,
}

impl Cols {
    const NO: usize = 0;
    const KEGIATAN: usize = 1;
    const LANE0: usize = 2;

    /// Fills `size.x` (at least the minimum widths, scaled by `s`): columns
    /// scale between their minimum and ideal widths, and beyond the ideal in
    /// proportion.
    fn new(n_lanes: usize, band1: f32, size: Vec2, s: f32) -> Cols {
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
        Cols { xs, width, n_lanes }
    }

    fn kelengkapan(&self) -> usize {
        Self::LANE0 + self.n_lanes
    }

    fn waktu(&self) -> usize {
        self.kelengkapan() + 1
    }

    fn output(&self) -> usize {
        self.kelengkapan() + 2
    }

    /// Left and right edge of column `c`.
    fn x(&self, c: usize) -> (f32, f32) {
        (self.xs[c], self.xs[c + 1])
    }

    fn w(&self, c: usize) -> f32 {
        self.xs[c + 1] - self.xs[c]
    }

    /// Wrap width of the text in column `c`.
    fn wrap(&self, c: usize, pad: f32) -> f32 {
        (self.w(c) - 2.0 * pad).max(1.0)
    }

    /// Horizontal centre of lane `k`.
    fn lane_cx(&self, k: usize) -> f32 {
        let (a, b) = self.x(Self::LANE0 + k);
        (a + b) / 2.0
    }
}

/// The two-tier header: its cells and texts.
struct Header {
    columns: Vec<(String, Rect)>,
    groups: Vec<(String, Rect)>,
    rect: Rect,
    h: f32,
}

impl Header {
    fn new(cx: &Ctx<'_>, t: &SopTemplate, cols: &Cols, texts: &mut Vec<TextBox>) -> Header {
        let (f_body, pad) = (cx.f_body, cx.pad);
        let (c_kel, c_output) = (cols.kelengkapan(), cols.output());
        let mut lower: Vec<(String, usize)> = t
            .pelaksana
            .iter()
            .enumerate()
            .map(|(k, p)| (p.nama.clone(), Cols::LANE0 + k))
            .collect();
        lower.push(("Kelengkapan".into(), c_kel));
        lower.push(("Waktu".into(), cols.waktu()));
        lower.push(("Output".into(), c_output));
        let groups_spec = [
            ("Pelaksana", Cols::LANE0, c_kel),
            ("Mutu Baku", c_kel, c_output + 1),
        ];
        let tier1_h = groups_spec
            .iter()
            .map(|(g, a, b)| cx.m(g, f_body, cols.xs[*b] - cols.xs[*a] - 2.0 * pad).y)
            .fold(0.0, f32::max)
            + 2.0 * pad;
        let tier2_h = lower
            .iter()
            .map(|(n, c)| cx.m(n, f_body, cols.wrap(*c, pad)).y)
            .fold(0.0, f32::max)
            + 2.0 * pad;
        let spanning_h = [("No", Cols::NO), ("Kegiatan", Cols::KEGIATAN)]
            .iter()
            .map(|(n, c)| cx.m(n, f_body, cols.wrap(*c, pad)).y + 2.0 * pad)
            .fold(0.0, f32::max);
        let tier2_h = tier2_h.max(spanning_h - tier1_h);
        let header_h = tier1_h + tier2_h;

        let mut columns: Vec<(String, Rect)> = Vec::new();
        for (name, c) in [("No", Cols::NO), ("Kegiatan", Cols::KEGIATAN)] {
            let (a, b) = cols.x(c);
            let cell = Rect::from_min_max(pos2(a, 0.0), pos2(b, header_h));
            header_text(cx, texts, name, cell);
            columns.push((name.to_string(), cell));
        }
        for (name, c) in &lower {
            let (a, b) = cols.x(*c);
            let cell = Rect::from_min_max(pos2(a, tier1_h), pos2(b, header_h));
            header_text(cx, texts, name, cell);
            columns.push((name.clone(), cell));
        }
        let mut groups = Vec::new();
        for (g, a, b) in groups_spec {
            let cell = Rect::from_min_max(pos2(cols.xs[a], 0.0), pos2(cols.xs[b], tier1_h));
            header_text(cx, texts, g, cell);
            groups.push((g.to_string(), cell));
        }
        Header {
            columns,
            groups,
            rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(cols.width, header_h)),
            h: header_h,
        }
    }
}

/// A header text centred in its cell.
fn header_text(cx: &Ctx<'_>, texts: &mut Vec<TextBox>, text: &str, cell: Rect) {
    let wrap = (cell.width() - 2.0 * cx.pad).max(1.0);
    let sz = cx.m(text, cx.f_body, wrap);
    let rect = Rect::from_center_size(cell.center(), sz);
    texts.push(TextBox {
        text: text.to_string(),
        rect,
        wrap,
        font_size: cx.f_body,
        align: Align::Center,
        role: TextRole::Header,
        step: None,
    });
}

/// Symbol sizes, the lane of each step and the sizes shared by every row.
struct Symbols {
    node_w: f32,
    diamond_w: f32,
    node_h: f32,
    diamond_h: f32,
    lane_of: Vec<usize>,
    note_wrap: f32,
    ya_size: Vec2,
    tidak_size: Vec2,
}

impl Symbols {
    fn new(cx: &Ctx<'_>, t: &SopTemplate, cols: &Cols, band1: f32) -> Symbols {
        let s = cx.s;
        let n_lanes = cols.n_lanes;
        let lane_w = if n_lanes > 0 {
            cols.w(Cols::LANE0)
        } else {
            0.0
        };
        let band = band1 * s;
        let node_w = (lane_w - 2.0 * band).clamp(NODE_W_MIN * s, NODE_W_MAX * s);
        let lane_of: Vec<usize> = t
            .langkah
            .iter()
            .map(|l| {
                t.indeks_pelaksana(&l.pelaksana)
                    .unwrap_or(0)
                    .min(n_lanes.saturating_sub(1))
            })
            .collect();
        Symbols {
            node_w,
            diamond_w: node_w.min(DIAMOND_W_MAX * s),
            node_h: NODE_H * s,
            diamond_h: DIAMOND_H * s,
            lane_of,
            note_wrap: (lane_w / 2.0 - 7.0 * s).max(1.0),
            ya_size: cx.m(LABEL_YA, cx.f_small, f32::INFINITY),
            tidak_size: cx.m(LABEL_TIDAK, cx.f_small, f32::INFINITY),
        }
    }
}

/// The rows and symbols of the steps, and the bottom of the last row.
struct Body {
    rows: Vec<Rect>,
    nodes: Vec<Node>,
    bottom: f32,
}

/// One row per step below the header, with its cell texts and its symbol.
fn lay_rows(
    cx: &Ctx<'_>,
    t: &SopTemplate,
    states: &[StepState],
    cols: &Cols,
    sym: &Symbols,
    header_h: f32,
    texts: &mut Vec<TextBox>,
) -> Body {
    let n_steps = t.langkah.len();
    let mut rows = Vec::with_capacity(n_steps);
    let mut nodes = Vec::with_capacity(n_steps);
    let mut y = header_h;
    let future = StepState::Future;
    for i in 0..n_steps {
        let state = states.get(i).unwrap_or(&future).clone();
        let cell = LaneCell::new(cx, t, cols, sym, i, &state);
        let row_h = row_texts(cx, t, cols, i, y, cell.need, texts);
        rows.push(Rect::from_min_max(
            pos2(0.0, y),
            pos2(cols.width, y + row_h),
        ));
        nodes.push(cell.place(cx, y, row_h, state, texts));
        y += row_h;
    }
    Body {
        rows,
        nodes,
        bottom: y,
    }
}

/// A step's symbol in its lane cell, before the row's height is known.
struct LaneCell {
    step: usize,
    per_unit: bool,
    shape: Shape,
    w: f32,
    h: f32,
    lane: usize,
    /// The lane's reject loops run right of the symbols.
    right: bool,
    /// Horizontal centre of the lane.
    cx: f32,
    note: Option<String>,
    note_size: Vec2,
    note_wrap: f32,
    /// Height the lane cell needs.
    need: f32,
}

impl LaneCell {
    fn new(
        cx: &Ctx<'_>,
        t: &SopTemplate,
        cols: &Cols,
        sym: &Symbols,
        i: usize,
        state: &StepState,
    ) -> LaneCell {
        let s = cx.s;
        let shape = shape_of(t, i);
        let (w, h) = match shape {
            Shape::Diamond => (sym.diamond_w, sym.diamond_h),
            _ => (sym.node_w, sym.node_h),
        };
        let lane = sym.lane_of[i];
        let per_unit = t.langkah[i].per_unit;
        let note = node_note(state, per_unit);
        let note_size = note
            .as_deref()
            .map_or(Vec2::ZERO, |n| cx.m(n, cx.f_small, sym.note_wrap));
        let decision = t.keputusan(i) && i + 1 < t.langkah.len();
        let below = note_size.y.max(if decision { sym.ya_size.y } else { 0.0 });
        let need =
            TOP_BAND * s + h + if below > 0.0 { below + 4.0 * s } else { 0.0 } + BOTTOM_PAD * s;
        LaneCell {
            step: i,
            per_unit,
            shape,
            w,
            h,
            lane,
            right: loops_right(lane, cols.n_lanes),
            cx: cols.lane_cx(lane),
            note,
            note_size,
            note_wrap: sym.note_wrap,
            need,
        }
    }

    /// The symbol, centred vertically in the space the lane cell needs, and
    /// its note.
    fn place(
        self,
        cx: &Ctx<'_>,
        y: f32,
        row_h: f32,
        state: StepState,
        texts: &mut Vec<TextBox>,
    ) -> Node {
        let s = cx.s;
        let (w, h, lcx) = (self.w, self.h, self.cx);
        let extra = (row_h - self.need) / 2.0;
        let top = y + TOP_BAND * s + extra;
        let rect = Rect::from_min_size(pos2(lcx - w / 2.0, top), vec2(w, h));
        if let Some(n) = self.note {
            // On the side away from the loops, beside the outgoing arrow.
            let note_size = self.note_size;
            let ny = rect.bottom() + 4.0 * s;
            let (nrect, align) = if self.right {
                (
                    Rect::from_min_size(pos2(lcx - 4.0 * s - note_size.x, ny), note_size),
                    Align::Max,
                )
            } else {
                (
                    Rect::from_min_size(pos2(lcx + 4.0 * s, ny), note_size),
                    Align::Min,
                )
            };
            texts.push(TextBox {
                text: n,
                rect: nrect,
                wrap: self.note_wrap,
                font_size: cx.f_small,
                align,
                role: TextRole::Note,
                step: Some(self.step),
            });
        }
        Node {
            step: self.step,
            lane: self.lane,
            rect,
            shape: self.shape,
            per_unit: self.per_unit,
            state,
        }
    }
}

/// The texts of step `i`'s cells (No, Kegiatan, Mutu Baku) in the row at
/// `y`; returns the row's height (at least `lane_need`).
fn row_texts(
    cx: &Ctx<'_>,
    t: &SopTemplate,
    cols: &Cols,
    i: usize,
    y: f32,
    lane_need: f32,
    texts: &mut Vec<TextBox>,
) -> f32 {
    let (f_body, f_small, pad) = (cx.f_body, cx.f_small, cx.pad);
    let l = &t.langkah[i];
    let kelengkapan = l
        .kelengkapan
        .iter()
        .map(|k| format!("• {k}"))
        .collect::<Vec<_>>()
        .join("\n");
    let waktu = l.waktu.to_string();
    let cell_texts = [
        (l.no.as_str(), Cols::NO, f_body, Align::Center, TextRole::No),
        (
            l.kegiatan.as_str(),
            Cols::KEGIATAN,
            f_body,
            Align::Min,
            TextRole::Kegiatan,
        ),
        (
            kelengkapan.as_str(),
            cols.kelengkapan(),
            f_small,
            Align::Min,
            TextRole::MutuBaku,
        ),
        (
            waktu.as_str(),
            cols.waktu(),
            f_small,
            Align::Center,
            TextRole::MutuBaku,
        ),
        (
            l.output.as_str(),
            cols.output(),
            f_small,
            Align::Min,
            TextRole::MutuBaku,
        ),
    ];
    let sizes: Vec<Vec2> = cell_texts
        .iter()
        .map(|(txt, c, f, _, _)| cx.m(txt, *f, cols.wrap(*c, pad)))
        .collect();
    let text_need = sizes.iter().map(|v| v.y).fold(0.0, f32::max) + 2.0 * pad;
    for ((txt, c, f, align, role), sz) in cell_texts.iter().zip(&sizes) {
        if txt.is_empty() {
            continue;
        }
        let (a, b) = cols.x(*c);
        let left = match align {
            Align::Center => (a + b) / 2.0 - sz.x / 2.0,
            _ => a + pad,
        };
        texts.push(TextBox {
            text: txt.to_string(),
            rect: Rect::from_min_size(pos2(left, y + pad), *sz),
            wrap: cols.wrap(*c, pad),
            font_size: *f,
            align: *align,
            role: *role,
            step: Some(i),
        });
    }
    lane_need.max(text_need)
}

/// The lane columns, from the header down to `bottom`.
fn lane_cols(t: &SopTemplate, cols: &Cols, header_h: f32, bottom: f32) -> Vec<LaneCol> {
    t.pelaksana
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let (a, b) = cols.x(Cols::LANE0 + k);
            LaneCol {
                kode: p.kode.clone(),
                nama: p.nama.clone(),
                rect: Rect::from_min_max(pos2(a, header_h), pos2(b, bottom)),
            }
        })
        .collect()
}

/// The arrows from each step to the next ("Ya" after a decision).
fn forward_arrows(
    cx: &Ctx<'_>,
    t: &SopTemplate,
    body: &Body,
    sym: &Symbols,
    n_lanes: usize,
) -> Vec<Arrow> {
    let (s, ya_size) = (cx.s, sym.ya_size);
    let mut arrows = Vec::new();
    for i in 0..t.langkah.len().saturating_sub(1) {
        let (a, b) = (&body.nodes[i], &body.nodes[i + 1]);
        let start = a.bottom();
        let end = b.top();
        let points = if (start.x - end.x).abs() < 0.01 {
            vec![start, pos2(start.x, end.y)]
        } else {
            let ym = body.rows[i + 1].top() + TOP_BAND * s / 2.0;
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
    arrows
}

/// The "Tidak" loops of the decisions back to their targets.
fn reject_arrows(
    cx: &Ctx<'_>,
    t: &SopTemplate,
    body: &Body,
    sym: &Symbols,
    cols: &Cols,
    slots: &[Option<usize>],
) -> Vec<Arrow> {
    let (s, tidak_size) = (cx.s, sym.tidak_size);
    let mut arrows = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let Some(j) = t.target_tolak(i) else { continue };
        let (a, b) = (&body.nodes[i], &body.nodes[j]);
        let right = loops_right(a.lane, cols.n_lanes);
        let k = slot.unwrap_or(0) as f32;
        let off = sym.node_w / 2.0 + (LOOP_GAP + k * LOOP_STEP) * s;
        let lcx = cols.lane_cx(a.lane);
        let xl = if right { lcx + off } else { lcx - off };
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
    arrows
}

/// The arrows' labels as texts.
fn label_texts(cx: &Ctx<'_>, arrows: &[Arrow], texts: &mut Vec<TextBox>) {
    for a in arrows {
        if let (Some(text), Some(rect)) = (a.label, a.label_rect) {
            texts.push(TextBox {
                text: text.to_string(),
                rect,
                wrap: f32::INFINITY,
                font_size: cx.f_small,
                align: Align::Min,
                role: TextRole::Label,
                step: Some(a.from),
            });
        }
    }
}
