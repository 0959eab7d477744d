//! The agreement store: taking lines from the plan, autosave of a draft,
//! the checks before submitting, signing, the read-only signed version
//! (refused by the database itself) and PK Perubahan.

use chrono::NaiveDate;
use perkin::model::agreement::{
    AlasanPerubahan, Field, Jenis, LineSource, NewAgreement, Status, Transition, budget_total,
    compare, quarter_warning,
};
use perkin::model::id::{AgreementId, UnitId, VersionId};
use perkin::model::plan::Tingkat;
use perkin::store::{Store, StoreError};

use crate::common::{db_in, demo_store, local, tmp};

fn unit_id(s: &Store, nama: &str) -> UnitId {
    s.units()
        .unwrap()
        .into_iter()
        .find(|u| u.nama == nama)
        .unwrap_or_else(|| panic!("no unit {nama}"))
        .id
}

/// The demo's draft of Bidang Mutasi dan Promosi for 2027, filled the way
/// the editor's "Ambil dari Renstra/Renja" and party proposal do.
fn new_bidang_agreement(s: &mut Store) -> (AgreementId, VersionId) {
    let unit = unit_id(s, "Bidang Mutasi dan Promosi");
    let tanggal = NaiveDate::from_ymd_opt(2027, 1, 29).unwrap();
    let perkin::model::agreement::Proposed {
        pihak_pertama: p1,
        pihak_kedua: p2,
        pihak_kedua_manual: manual,
        ..
    } = s.proposed_parties(unit, tanggal).unwrap();
    assert!(p1.is_some() && p2.is_some() && manual.is_none());
    let (lines, budget) = s.lines_from_plan(unit, 2027, Jenis::Eselon3).unwrap();
    let row = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| a.unit_id == unit)
        .unwrap();
    let mut c = s.version(row.version_id).unwrap().content;
    c.nomor = "800/003/BKPSDM/2027".into();
    c.tanggal = Some(tanggal);
    c.pihak_pertama.official_id = p1;
    c.pihak_kedua.official_id = p2;
    c.lines = lines;
    c.budget = budget;
    s.save_draft(row.version_id, &c).unwrap();
    (row.id, row.version_id)
}

#[test]
fn create_from_plan_for_a_unit_without_agreement() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let have: Vec<UnitId> = s
        .agreements(2027)
        .unwrap()
        .iter()
        .map(|a| a.unit_id)
        .collect();
    let unit = s
        .units()
        .unwrap()
        .into_iter()
        .find(|u| !have.contains(&u.id))
        .expect("a demo unit without an agreement");
    let jenis = Jenis::for_eselon(unit.eselon.kode());
    let (lines, budget) = s.lines_from_plan(unit.id, 2027, jenis).unwrap();
    let perkin::model::agreement::Proposed {
        pihak_pertama: p1,
        pihak_kedua: p2,
        pihak_kedua_manual: manual,
        ..
    } = s
        .proposed_parties(unit.id, NaiveDate::from_ymd_opt(2027, 1, 29).unwrap())
        .unwrap();
    let a = NewAgreement {
        tahun: 2027,
        unit_id: unit.id,
        jenis,
        nomor: String::new(),
        tempat: "Lembah Hijau".into(),
        tanggal: None,
        pihak_pertama: p1,
        pihak_kedua: p2,
        pihak_kedua_manual: manual,
        lines: lines.clone(),
        budget: budget.clone(),
    };
    let (_, v) = s.create_agreement(&a).unwrap();
    let doc = s.version(v).unwrap();
    assert_eq!(doc.content.lines, lines);
    assert_eq!(doc.content.budget, budget);
    // One agreement per unit, year and kind.
    let err = s.create_agreement(&a).unwrap_err().to_string();
    assert!(err.contains("sudah memiliki Perjanjian Kinerja"), "{err}");
    // A draft can be deleted, with its agreement.
    s.delete_draft(v).unwrap();
    assert!(
        s.agreements(2027)
            .unwrap()
            .iter()
            .all(|r| r.unit_id != unit.id)
    );
}

#[test]
fn lines_from_plan_for_each_kind() {
    let dir = tmp();
    let s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let badan = s
        .units()
        .unwrap()
        .into_iter()
        .find(|u| u.parent_id.is_none())
        .unwrap()
        .id;
    let (lines, budget) = s.lines_from_plan(badan, 2027, Jenis::Kepala).unwrap();
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| matches!(l.sumber, Some(LineSource::Renstra(_))))
    );
    assert!(lines.iter().all(|l| !l.target.is_empty()), "{lines:?}");
    assert!(!budget.is_empty() && budget.iter().all(|b| b.level == Tingkat::Program));

    let bidang = unit_id(&s, "Bidang Mutasi dan Promosi");
    let (lines, budget) = s.lines_from_plan(bidang, 2027, Jenis::Eselon3).unwrap();
    assert!(!lines.is_empty());
    assert!(
        lines
            .iter()
            .all(|l| matches!(l.sumber, Some(LineSource::Renja(_))))
    );
    assert!(
        lines
            .iter()
            .all(|l| !l.indikator.is_empty() && !l.target.is_empty())
    );
    assert!(!budget.is_empty());
    // The total counts each rupiah once (leaves only).
    let leaves: i64 = budget
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            budget.get(i + 1).is_none_or(|n| {
                perkin::model::agreement::level_depth(n.level)
                    <= perkin::model::agreement::level_depth(b.level)
            })
        })
        .map(|(_, b)| b.anggaran)
        .sum();
    assert_eq!(budget_total(&budget), leaves);
    assert!(budget_total(&budget) > 0);
}

#[test]
fn draft_autosave_round_trips_and_parties_are_proposed() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let (_, v) = new_bidang_agreement(&mut s);
    let mut doc = s.version(v).unwrap();
    assert_eq!(doc.status, Status::Draf);
    assert!(
        doc.content.pihak_pertama.nama.contains("Kepala Bidang")
            || !doc.content.pihak_pertama.nama.is_empty()
    );
    assert!(
        doc.content.pihak_kedua.jabatan.contains("Kepala Badan"),
        "{:?}",
        doc.content.pihak_kedua
    );
    doc.content.lines[0].target = "97,5".into();
    doc.content.lines[0].tw = ["20".into(), "45".into(), "70".into(), "97,5".into()];
    doc.content.budget[0].anggaran = 123_456_789;
    s.save_draft(v, &doc.content).unwrap();
    // A reopened store reads back exactly what was saved.
    drop(s);
    let s = Store::open(&db_in(dir.path())).unwrap();
    let back = s.version(v).unwrap();
    assert_eq!(back.content.lines, doc.content.lines);
    assert_eq!(back.content.budget, doc.content.budget);
    assert_eq!(back.content.nomor, "800/003/BKPSDM/2027");
}

#[test]
fn submit_is_refused_with_the_field_to_fix() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let (_, v) = new_bidang_agreement(&mut s);
    let good = s.version(v).unwrap().content;

    let fields = |s: &Store, c: &perkin::model::agreement::Content| -> Vec<Field> {
        s.submit_problems(c, 2027)
            .into_iter()
            .map(|p| p.field)
            .collect()
    };
    assert!(
        fields(&s, &good).is_empty(),
        "{:?}",
        s.submit_problems(&good, 2027)
    );

    let mut c = good.clone();
    c.lines.clear();
    assert_eq!(fields(&s, &c), vec![Field::Lines]);
    let mut c = good.clone();
    c.pihak_kedua = Default::default();
    assert_eq!(fields(&s, &c), vec![Field::PihakKedua]);
    let mut c = good.clone();
    c.lines[0].target = "  ".into();
    assert_eq!(fields(&s, &c), vec![Field::LineTarget(0)]);
    let mut c = good.clone();
    c.tanggal = None;
    assert_eq!(fields(&s, &c), vec![Field::Tanggal]);
    // A PK 2027 signed in 2030, or in October 2026, and one without a Nomor.
    for d in [(2030, 2, 15), (2026, 10, 30)] {
        let mut c = good.clone();
        c.tanggal = NaiveDate::from_ymd_opt(d.0, d.1, d.2);
        assert_eq!(fields(&s, &c), vec![Field::Tanggal], "{d:?}");
    }
    let mut c = good.clone();
    c.tanggal = NaiveDate::from_ymd_opt(2026, 12, 15);
    assert!(
        fields(&s, &c).is_empty(),
        "December before the year is fine"
    );
    let mut c = good.clone();
    c.nomor = " ".into();
    assert_eq!(fields(&s, &c), vec![Field::Nomor]);

    // A party not in office on the signing date.
    let p1 = good.pihak_pertama.official_id.unwrap();
    let mut o = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.id == p1)
        .unwrap();
    o.selesai = NaiveDate::from_ymd_opt(2026, 12, 31);
    let mut upd = o.to_new();
    s.update_official(p1, &upd).unwrap();
    let problems = s.submit_problems(&good, 2027);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, Field::PihakPertama);
    assert!(
        problems[0]
            .message
            .contains("sudah tidak menjabat sejak 31 Desember 2026"),
        "{}",
        problems[0].message
    );
    let err = s.set_status(v, Transition::Submit).unwrap_err().to_string();
    assert!(err.contains("Pihak Pertama"), "{err}");
    assert_eq!(s.version(v).unwrap().status, Status::Draf);
    upd.selesai = None;
    s.update_official(p1, &upd).unwrap();
    assert_eq!(
        s.set_status(v, Transition::Submit).unwrap().status,
        Status::Diajukan
    );
    // Submitted: no longer editable until returned.
    let err = s.save_draft(v, &good).unwrap_err().to_string();
    assert!(err.contains("hanya draf"), "{err}");
    assert_eq!(
        s.set_status(v, Transition::Return).unwrap().status,
        Status::Draf
    );
}

#[test]
fn signed_version_is_frozen_and_amendment_copies_it() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let (agreement, v1) = new_bidang_agreement(&mut s);
    s.set_status(v1, Transition::Submit).unwrap();
    let signed = s.set_status(v1, Transition::Sign).unwrap();
    assert_eq!(signed.status, Status::Ditandatangani);
    assert!(signed.signed_at.is_some());
    let before = s.version(v1).unwrap();

    // Later edits of the official do not change the signed snapshot.
    let p1 = before.content.pihak_pertama.official_id.unwrap();
    let o = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.id == p1)
        .unwrap();
    let mut renamed = o.to_new();
    renamed.nama = "Nama Baru Sekali".into();
    s.update_official(p1, &renamed).unwrap();
    assert_eq!(s.version(v1).unwrap(), before);

    // The store's own writers refuse.
    assert!(s.save_draft(v1, &before.content).is_err());
    assert!(s.delete_draft(v1).is_err());
    // And so does the database, to a direct UPDATE/DELETE/INSERT.
    let raw = rusqlite::Connection::open(db_in(dir.path())).unwrap();
    for sql in [
        format!("UPDATE agreement_version SET nomor = 'X' WHERE id = {v1}"),
        format!("UPDATE agreement_version SET status = 'draf' WHERE id = {v1}"),
        format!("DELETE FROM agreement_version WHERE id = {v1}"),
        format!("UPDATE agreement_line SET target = '1' WHERE version_id = {v1}"),
        format!("DELETE FROM agreement_line WHERE version_id = {v1}"),
        format!("INSERT INTO agreement_line (version_id, indikator) VALUES ({v1}, 'x')"),
        format!("UPDATE agreement_budget SET anggaran = 1 WHERE version_id = {v1}"),
        format!("DELETE FROM agreement WHERE id = {agreement}"),
    ] {
        let err = raw.execute(&sql, []).unwrap_err().to_string();
        assert!(err.contains("tidak dapat"), "{sql}: {err}");
    }
    drop(raw);
    assert_eq!(s.version(v1).unwrap(), before);

    // PK Perubahan.
    assert!(matches!(
        s.amend_version(v1, Some(AlasanPerubahan::Pejabat), " "),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.amend_version(v1, None, "x"),
        Err(StoreError::Invalid(_))
    ));
    let v2 = s
        .amend_version(
            v1,
            Some(AlasanPerubahan::Pejabat),
            "Kepala Bidang diganti per 1 Juli",
        )
        .unwrap();
    let mut doc2 = s.version(v2).unwrap();
    assert_eq!((doc2.versi, doc2.status), (2, Status::Draf));
    assert_eq!(doc2.alasan_jenis, Some(AlasanPerubahan::Pejabat));
    assert_eq!(doc2.content.lines, before.content.lines);
    assert_eq!(doc2.content.tanggal, None);
    // A second amendment of the same signed version is refused.
    assert!(
        s.amend_version(v1, Some(AlasanPerubahan::Lainnya), "lagi")
            .is_err()
    );
    doc2.content.lines[0].target = "99".into();
    doc2.content.tanggal = NaiveDate::from_ymd_opt(2027, 7, 1);
    s.save_draft(v2, &doc2.content).unwrap();
    let doc2 = s.version(v2).unwrap();
    assert!(
        doc2.content
            .pihak_pertama
            .nama
            .starts_with("Nama Baru Sekali")
    );
    assert_eq!(s.version(v1).unwrap(), before);
    let changes = compare(&before.content, &doc2.content);
    assert!(
        changes
            .iter()
            .any(|c| c.what.ends_with("Target") && c.after == "99"),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| c.what == "Pihak Pertama — Nama" && c.after.starts_with("Nama Baru Sekali"))
    );
    assert_eq!(s.versions(agreement).unwrap().len(), 2);
    // The list shows the latest version.
    let row = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| a.id == agreement)
        .unwrap();
    assert_eq!((row.versi, row.status), (2, Status::Draf));
    // Deleting the draft amendment leaves the signed version.
    s.delete_draft(v2).unwrap();
    assert_eq!(s.versions(agreement).unwrap().len(), 1);
}

#[test]
fn saving_refuses_bad_input_and_keeps_the_stored_draft() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let (_, v) = new_bidang_agreement(&mut s);
    let before = s.version(v).unwrap();
    let mut c = before.content.clone();
    c.lines[0].sasaran = "x".repeat(5_000);
    let err = s.save_draft(v, &c).unwrap_err().to_string();
    assert!(err.contains("Sasaran terlalu panjang"), "{err}");
    let mut c = before.content.clone();
    c.budget[0].anggaran = -5;
    let err = s.save_draft(v, &c).unwrap_err().to_string();
    assert!(err.contains("negatif"), "{err}");
    assert_eq!(s.version(v).unwrap().content, before.content);
    // Emoji, right-to-left text and SQL metacharacters are just text.
    let mut c = before.content.clone();
    c.lines[0].indikator = "Indeks 😀 مرحبا'; DROP TABLE agreement; --".into();
    s.save_draft(v, &c).unwrap();
    assert_eq!(
        s.version(v).unwrap().content.lines[0].indikator,
        c.lines[0].indikator
    );
}

#[test]
fn quarter_warning_only_for_cumulative_numbers() {
    let mut l = perkin::model::agreement::NewLine {
        indikator: "Jumlah dokumen".into(),
        target: "12".into(),
        tw: ["3".into(), "3".into(), "3".into(), "2".into()],
        kumulatif: true,
        ..Default::default()
    };
    let w = quarter_warning(&l).unwrap();
    assert!(w.contains("(11)") && w.contains("(12)"), "{w}");
    l.tw[3] = "3".into();
    assert_eq!(quarter_warning(&l), None);
    l.tw[3] = "2".into();
    l.kumulatif = false;
    assert_eq!(quarter_warning(&l), None);
    l.kumulatif = true;
    l.target = "Opini WTP".into();
    assert_eq!(quarter_warning(&l), None);
}

/// The list's Anggaran is the total the editor and the PDF show: a kegiatan
/// and its sub kegiatan are not added twice.
#[test]
fn the_list_total_of_the_budget_counts_each_amount_once() {
    let dir = tmp();
    let s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let rows = s.agreements(2027).unwrap();
    assert!(!rows.is_empty());
    for a in rows {
        let budget = s.version(a.version_id).unwrap().content.budget;
        let total = perkin::model::agreement::budget_total(&budget);
        assert_eq!(a.anggaran, total, "{}", a.unit);
    }
    let mutasi = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| a.unit == "Bidang Mutasi dan Promosi")
        .unwrap();
    assert_eq!(mutasi.anggaran, 120_000_000);
}

#[test]
fn a_signed_version_shows_and_prints_what_was_signed_letterhead_included() {
    use egui_kittest::kittest::Queryable;
    use perkin::pdf::Kertas;
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    let signed = s.version(v).unwrap();
    let p1 = signed.content.pihak_pertama.clone();
    let office_then = s.office().unwrap();
    // After signing: the official gets a title, the office moves.
    let id = p1.official_id.unwrap();
    let o = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.id == id)
        .unwrap();
    let mut new = o.to_new();
    new.gelar_belakang = format!("{}, M.Si.", new.gelar_belakang)
        .trim_start_matches(", ")
        .into();
    s.update_official(id, &new).unwrap();
    let renamed = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.id == id)
        .unwrap();
    assert_ne!(renamed.nama_lengkap(), p1.nama);
    let mut office = office_then.clone();
    office.alamat = "Jalan Baru Nomor 99, Lembah Hijau".into();
    office.nama_instansi = "Badan Kepegawaian Daerah".into();
    s.save_office(&office).unwrap();

    // Every later print: the parties and the letterhead as signed.
    let doc = perkin::app::documents::load_agreement(&s, v, Kertas::A4).unwrap();
    assert_eq!(doc.kop.alamat, office_then.alamat);
    assert_eq!(doc.kop.nama_instansi, office_then.nama_instansi);
    assert_eq!(doc.pihak_pertama, p1);
    // A draft still prints under today's letterhead.
    let draft = s.agreements(2027).unwrap()[0].version_id;
    let d = perkin::app::documents::load_agreement(&s, draft, Kertas::A4).unwrap();
    assert_eq!(d.kop.alamat, "Jalan Baru Nomor 99, Lembah Hijau");
    // The database refuses to change the frozen letterhead.
    assert!(
        crate::common::raw(&s)
            .execute(
                "UPDATE agreement_version SET kop_json = '{}' WHERE id = ?1",
                [v]
            )
            .is_err()
    );

    // The screen: the signed version's parties as signed, not as today.
    let agreement = signed.agreement_id;
    let mut h = crate::ui::harness(s);
    crate::ui::go(&mut h, "Perjanjian Kinerja");
    h.state_mut().app_mut().reopen_agreement(Some(agreement));
    h.run();
    h.get_by_label(&p1.nama);
    assert!(h.query_by_label_contains(&renamed.nama_lengkap()).is_none());
}
