//! Alur SOP: the flowchart of an SOP template drawn as the paper SOP sheet
//! (Permenpan RB 35/2012), coloured by the progress of a selected cycle.
//!
//! - [`step_states`] turns a cycle into one [`StepState`] per step plus the
//!   visits of each step as display strings (pure: `now` is a parameter);
//! - [`layout()`] places everything (pure, tested without pixels);
//! - [`FlowView`] paints a layout with egui and handles zoom, pan and hover.
//!
//! In a panel (keep the `FlowView` in the panel's state):
//!
//! ```text
//! let (states, visits) = flow::step_states(&t, &cycle, &kal, now, &|id| unit_name(id));
//! self.alur.show(ui, &t, &states, &visits);
//! // No cycle selected: every step is future, no visits.
//! self.alur.show(ui, &t, &[], &[]);
//! ```

pub mod layout;
pub mod paint;
#[cfg(test)]
mod tests;

pub use crate::app::view::{StepVisit, step_states, visit_strings};
pub use crate::model::workflow::{StepState, states_of};
pub use layout::{
    Arrow, ArrowKind, FlowLayout, LaneCol, Node, Shape, TextBox, TextRole, estimate_text_size,
    layout, layout_with,
};
pub use paint::FlowView;
