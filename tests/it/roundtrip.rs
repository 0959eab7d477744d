//! Saving a form without changing it stores the same values, byte for
//! byte: no rounding, no trimming, no value of another field touched.

use std::path::Path;

use egui_kittest::kittest::Queryable;
use perkin::model::plan::Target;
use perkin::store::Store;

use crate::common::{demo_store, local, raw};
use crate::ui::{MemStorage, button, go, harness};

/// Every stored value of the data tables as text (SQLite's own quoting, so
/// 0.655 and 0.66, '' and NULL, 1 and '1' differ), without the audit log
/// and the times of writing.
fn dump(s: &Store) -> String {
    let c = raw(s);
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name <> 'audit_log' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        let cols: Vec<String> = c
            .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|n| !n.ends_with("_at"))
            .collect();
        let select = cols
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<String> = c
            .prepare(&format!("SELECT {select} FROM \"{t}\" ORDER BY 1"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.push_str(&format!("## {t}\n{}\n", rows.join("\n")));
    }
    out
}

/// The demo with the values a careless save would change: a target of
/// three decimals, a large one, text with outer spaces kept inside.
fn store(dir: &Path) -> Store {
    let mut s = demo_store(dir, local(2026, 11, 23, 10, 0));
    let period = s.renstra_periods().unwrap()[0].id;
    let i = s.renstra_tree(period).unwrap()[0].sasaran[0].indikator[0].clone();
    s.set_targets(&[
        (i.id, 2027, Some(Target::Angka(0.655))),
        (i.id, 2028, Some(Target::Angka(1234.5))),
    ])
    .unwrap();
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    s.register_archive(&crate::archive::entry(v, "007"))
        .unwrap();
    s
}

/// Opens each form on a stored record and saves it unchanged.
#[test]
fn saving_any_form_unchanged_stores_the_same_values() {
    let dir = crate::common::tmp();
    let mut h = harness(store(dir.path()));
    let before = dump(h.state().store());
    let same = |h: &egui_kittest::Harness<'static, perkin::ui::PerkinApp>, what: &str| {
        let after = dump(h.state().store());
        if after != before {
            let diff: Vec<_> = before
                .lines()
                .zip(after.lines())
                .filter(|(a, b)| a != b)
                .take(5)
                .collect();
            panic!("{what}: saved unchanged, yet stored differently: {diff:#?}");
        }
    };

    let audit = |h: &egui_kittest::Harness<'static, perkin::ui::PerkinApp>| {
        crate::common::rows_in(h.state().store(), crate::common::Rows::Audit)
    };
    go(&mut h, "Renstra");
    for node in ["T1.S1.I1 Indeks Sistem Merit", "T1 ", "T1.S1 "] {
        let written = audit(&h);
        h.get_by_label_contains(node).click();
        h.run();
        button(&mut h, "Simpan");
        assert!(audit(&h) > written, "{node}: the save went through");
        same(&h, node);
    }
    go(&mut h, "Renja");
    h.get_by_label_contains("Program Kepegawaian Daerah")
        .click();
    h.run();
    button(&mut h, "Simpan item");
    same(&h, "Renja item");
    button(&mut h, "Simpan DPA");
    same(&h, "DPA");

    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    h.get_by_label_contains("Sekretariat").click();
    h.run();
    button(&mut h, "Simpan unit");
    same(&h, "Unit");
    go(&mut h, "Pejabat");
    h.get_by_label_contains("Dr. Hendra Wijaya").click();
    h.run();
    button(&mut h, "Simpan pejabat");
    same(&h, "Pejabat");
    go(&mut h, "Kalender Kerja");
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Ubah")
        .next()
        .unwrap()
        .click();
    h.run();
    button(&mut h, "Simpan hari libur");
    same(&h, "Hari libur");

    go(&mut h, "Arsip");
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Ubah")
        .next()
        .unwrap()
        .click();
    h.run();
    button(&mut h, "Simpan");
    same(&h, "Register arsip");

    // The agreement editor saves as the user works: opened and closed
    // without a change, it writes nothing different.
    go(&mut h, "Perjanjian Kinerja");
    let pk = h.state().view().agreements[0].id;
    h.state_mut().app_mut().reopen_agreement(Some(pk));
    h.run();
    eframe::App::save(h.state_mut(), &mut MemStorage::default());
    h.run();
    same(&h, "Editor PK");
}
