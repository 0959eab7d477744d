//! Renstra/Renja through Excel files, end to end: export → import into a
//! database without plan data → the same data; problems by sheet, row and
//! column with nothing written; the preview in the real App.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use perkin::app::ExchangeCmd;
use perkin::formats::xlsx::{Workbook, baca_xlsx, tulis_xlsx};
use perkin::model::org::NewUnit;
use perkin::store::Store;
use perkin::ui::{Form, PerkinApp};

use crate::common::{Rows, db_in, demo_store, local, rows_in, store_at, tmp};

/// Rows compare without their sheet row numbers.
fn normalised(mut wb: Workbook) -> Workbook {
    for r in &mut wb.renstra {
        r.baris = 0;
    }
    for r in &mut wb.renja {
        r.baris = 0;
    }
    wb
}

/// A database with the demo's organisation (units by name) but no plan.
fn same_units_no_plan(from: &Store, path: &std::path::Path) -> Store {
    let mut s = store_at(path, local(2026, 11, 23, 10, 0));
    let mut ids = std::collections::HashMap::new();
    for u in from.units().unwrap() {
        let id = s
            .add_unit(&NewUnit {
                parent_id: u.parent_id.and_then(|p| ids.get(&p).copied()),
                kode: u.kode.clone(),
                nama: u.nama.clone(),
                jenis: u.jenis,
                eselon: u.eselon,
                urutan: 0,
            })
            .unwrap();
        ids.insert(u.id, id);
    }
    s
}

#[test]
fn export_then_import_into_a_database_without_plan_gives_the_same_data() {
    let dir = tmp();
    let demo = demo_store(&dir.path().join("a"), local(2026, 11, 23, 10, 0));
    let exported = demo.export_workbook(2027).unwrap();
    assert_eq!(exported.renstra.len(), 7);
    assert_eq!(exported.renja.len(), 11);
    let file = dir.path().join("renstra-renja-2027.xlsx");
    std::fs::write(&file, tulis_xlsx(&exported).unwrap()).unwrap();

    let mut target = same_units_no_plan(&demo, &db_in(dir.path()));
    let read = baca_xlsx(&std::fs::read(&file).unwrap()).expect("a clean workbook");
    let preview = target.check_import(&read).unwrap().expect("no problems");
    assert_eq!((preview.indikator_baru, preview.renja_baru), (7, 11));
    assert_eq!(
        rows_in(&target, Rows::Indicators),
        0,
        "the check writes nothing"
    );
    let done = target
        .import_workbook(&read, "renstra-renja-2027.xlsx")
        .unwrap();
    assert_eq!(done, preview);
    assert_eq!(
        normalised(target.export_workbook(2027).unwrap()),
        normalised(exported.clone())
    );
    assert_eq!(
        target
            .renja_items(2027)
            .unwrap()
            .iter()
            .filter(|i| i.level == perkin::model::plan::Tingkat::SubKegiatan)
            .map(|i| i.pagu)
            .sum::<i64>(),
        830_250_000
    );
    // Importing the same file again changes nothing.
    let again = target
        .import_workbook(&read, "renstra-renja-2027.xlsx")
        .unwrap();
    assert_eq!(
        (
            again.indikator_baru,
            again.indikator_diperbarui,
            again.renja_baru
        ),
        (0, 7, 0)
    );
    assert_eq!(
        normalised(target.export_workbook(2027).unwrap()),
        normalised(exported)
    );
    assert!(target.check().unwrap().is_empty());
}

#[test]
fn unknown_units_are_named_by_sheet_and_row_and_nothing_is_written() {
    let dir = tmp();
    let demo = demo_store(&dir.path().join("a"), local(2026, 11, 23, 10, 0));
    let mut wb = demo.export_workbook(2027).unwrap();
    let bytes = tulis_xlsx(&wb).unwrap();
    wb = baca_xlsx(&bytes).unwrap();
    let empty = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let audit = rows_in(&empty, Rows::Audit);
    let problems = empty.check_import(&wb).unwrap().unwrap_err();
    assert!(problems.len() >= 7);
    let first = problems[0].to_string();
    assert!(
        first.starts_with("Renstra baris 2: Penanggung Jawab: unit '"),
        "{first}"
    );
    assert!(
        problems
            .iter()
            .any(|m| m.to_string().starts_with("Renja baris "))
    );
    let mut empty = empty;
    assert!(empty.import_workbook(&wb, "x.xlsx").is_err());
    assert_eq!(rows_in(&empty, Rows::Audit), audit);
    assert_eq!(rows_in(&empty, Rows::RenjaItems), 0);
}

fn until(h: &mut Harness<'static, PerkinApp>, label: &str) {
    for _ in 0..200 {
        h.run();
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("'{label}' never appeared");
}

#[test]
fn the_import_preview_lists_problems_and_imports_only_a_clean_file() {
    let dir = tmp();
    let demo = demo_store(&dir.path().join("a"), local(2026, 11, 23, 10, 0));
    let good = dir.path().join("baik.xlsx");
    std::fs::write(
        &good,
        tulis_xlsx(&demo.export_workbook(2027).unwrap()).unwrap(),
    )
    .unwrap();
    let bad = dir.path().join("bukan-excel.xlsx");
    std::fs::write(&bad, b"%PDF-1.7 bukan lembar kerja").unwrap();
    let target = same_units_no_plan(&demo, &db_in(dir.path()));
    drop(demo);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_eframe(|cc| PerkinApp::new(cc, target));
    h.run();

    h.state_mut()
        .send(Form::Excel, ExchangeCmd::Read { path: bad });
    h.run();
    until(&mut h, "Pratinjau impor Excel");
    h.get_by_label_contains("Ditemukan 1 masalah");
    h.get_by_label_contains("bukan lembar kerja Excel");
    assert!(
        h.query_by_label("Impor")
            .is_none_or(|n| n.accesskit_node().is_disabled())
    );
    h.get_by_label("Tutup").click();
    h.run();

    h.state_mut()
        .send(Form::Excel, ExchangeCmd::Read { path: good });
    h.run();
    until(&mut h, "Berkas bersih, siap diimpor.");
    h.get_by_label_contains(
        "Indikator Renstra: 7 baru, 0 diperbarui. Item Renja: 11 baru, 0 diperbarui.",
    );
    assert_eq!(
        rows_in(h.state().store(), Rows::RenjaItems),
        0,
        "nothing before confirming"
    );
    h.get_by_label("Impor").click();
    h.run();
    assert_eq!(rows_in(h.state().store(), Rows::RenjaItems), 11);
    assert_eq!(rows_in(h.state().store(), Rows::Indicators), 7);
}

#[test]
fn export_writes_a_readable_workbook_off_the_ui_thread() {
    let dir = tmp();
    let demo = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_eframe(|cc| PerkinApp::new(cc, demo));
    h.run();
    let file = dir.path().join("ekspor.xlsx");
    h.state_mut()
        .send(Form::Excel, ExchangeCmd::Export { path: file.clone() });
    for _ in 0..200 {
        h.run();
        if file.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let wb = baca_xlsx(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!((wb.renstra.len(), wb.renja.len()), (7, 11));
    assert!(!dir.path().join("ekspor.xlsx.sementara").exists());
}
