//! Helpers shared by the list tables of the panels.

use egui::Color32;
use egui_extras::Column;

/// A column of a fixed width whose cells clip (long text is truncated with
/// its full text on hover) so rows never overlap.
pub fn fixed(width: f32) -> Column {
    Column::exact(width).clip(true)
}

use crate::model::workflow::TaskStatus;
use crate::ui::panels::widgets::AMBAR;

pub fn status_color(s: TaskStatus) -> Color32 {
    match s {
        TaskStatus::Lewat => Color32::from_rgb(185, 28, 28),
        TaskStatus::HampirHabis => AMBAR,
        TaskStatus::TepatWaktu => Color32::from_rgb(21, 128, 61),
    }
}
