//! Bad input, everywhere: a table of forms × a table of bad values. Each
//! (field, value) either gets its Indonesian message with nothing written
//! and the input kept, or — where the value is simply text — is stored
//! exactly. Then the faults of the disk: a full database, a read-only one
//! and a data folder that cannot be made.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use perkin::model::agreement::Status;
use perkin::model::plan::Target;
use perkin::model::workflow::{Outcome, Visit};
use perkin::store::{Drill, Store};
use perkin::ui::PerkinApp;

use crate::common::{Rows, db_in, demo_store, local, store_at, tmp, versions};
use crate::ui::{MemStorage, bidang_baru, button, count, go, pick, radio, wait_jobs};

type H = Harness<'static, PerkinApp>;

/// What a good program does with one value in one field.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// This Indonesian message (or a part of it) is shown, nothing is
    /// written, and the field still holds what was typed.
    Refused(&'static str),
    /// Stored exactly as typed: the field's probe finds one more row.
    Stored,
}
use Want::{Refused, Stored};

const EMOJI: &str = "Uji 🙂🚀";
const RTL: &str = "مرحبا שלום";
const SQL: &str = "'); DROP TABLE unit;--";

/// 10,000 characters of ordinary text.
fn long() -> String {
    "Panjang sekali ".repeat(700).chars().take(10_000).collect()
}

/// Every bad value of the table, to tell the user's own text (quoted in a
/// message, or listed after storing) from the program's words.
fn all_values() -> Vec<String> {
    let mut v: Vec<String> = [
        EMOJI,
        RTL,
        SQL,
        "-5",
        "NaN",
        "1e309",
        "99999999999999999999999",
        "31/02/2026",
        "2026-02-31",
        "0000-01-01",
        "01-01-0000",
        "25:00",
    ]
    .map(String::from)
    .to_vec();
    v.push(long());
    v.push("9".repeat(10_000));
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// Words that must never reach the user: English, raw Rust or SQLite.
const FOREIGN: &[&str] = &[
    "invalid",
    "error",
    "nan",
    "inf",
    "infinity",
    "overflow",
    "panicked",
    "panic",
    "constraint",
    "sqlite",
    "failed",
    "syntax",
    "unique",
    "database",
    "readonly",
    "denied",
    "permission",
    "unwrap",
    "parse",
    "number",
    "directory",
    "file",
    "such",
    "os",
    "full",
];

/// Every visible text: names of widgets, and the text of labels (which
/// AccessKit keeps as their value).
fn labels(h: &H) -> Vec<String> {
    labels_of(h)
}

fn labels_of<S>(h: &Harness<'static, S>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let n = n.accesskit_node();
            if n.role() == egui::accesskit::Role::Label {
                n.value()
            } else {
                n.label()
            }
        })
        .collect()
}

/// Fails when any visible text holds a foreign word (the user's own text
/// taken out first).
fn indonesian_only(h: &H, ctx: &str) {
    let values = all_values();
    for l in labels(h) {
        let mut t = l.clone();
        for v in &values {
            t = t.replace(v.as_str(), " ");
        }
        let bad = foreign_word(&t);
        assert!(bad.is_none(), "{ctx}: '{}' in the text {l:?}", bad.unwrap());
    }
}

fn foreign_word(t: &str) -> Option<&str> {
    t.split(|c: char| !c.is_alphanumeric())
        .find(|w| FOREIGN.contains(&w.to_lowercase().as_str()))
}

/// The message is where the user looks: inside the window, not in a
/// column past its edge.
fn in_view(h: &H, msg: &str, ctx: &str) {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE);
    let rects: Vec<egui::Rect> = h
        .query_all_by_label_contains(msg)
        .map(|n| n.rect())
        .collect();
    assert!(
        rects.iter().any(|r| screen.contains_rect(*r)),
        "{ctx}: the message '{msg}' is out of view at {rects:?}; {:?}",
        h.query_all_by(|_| true)
            .filter_map(|n| {
                let r = n.accesskit_node().bounding_box()?;
                Some((n.accesskit_node().label(), n.accesskit_node().role(), r.x1))
            })
            .filter(|(_, _, x)| *x > 1280.0)
            .collect::<Vec<_>>()
    );
}

/// The window of these tests.
const SIZE: egui::Vec2 = egui::vec2(1280.0, 1000.0);

fn shown(h: &H, msg: &str) -> bool {
    h.query_all_by_label_contains(msg).next().is_some()
}

/// Empties the field named `label`, then types `v` into it.
fn set(h: &mut H, label: &str, v: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    if v.is_empty() {
        h.key_press(egui::Key::Backspace);
    } else {
        // Replaces the selection.
        h.get_by_label(label).type_text(v);
    }
    h.run();
    assert_eq!(
        h.get_by_label(label).value().as_deref().unwrap_or(""),
        v,
        "typed into {label}"
    );
}

/// Counts the records holding exactly the value as typed, read through the
/// store's own API.
type Probe = fn(&Store, &str) -> usize;

fn probe(h: &H, p: Probe, v: &str) -> usize {
    p(h.state().store(), v)
}

fn audit(h: &H) -> usize {
    count(h, Rows::Audit)
}

/// A date as stored (ISO), or empty.
fn iso(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn tujuan(s: &Store) -> Vec<perkin::model::plan::TujuanNode> {
    let periods = s.renstra_periods().unwrap();
    periods
        .iter()
        .flat_map(|p| s.renstra_tree(p.id).unwrap())
        .collect()
}

fn indikator(s: &Store) -> Vec<perkin::model::plan::IndikatorRow> {
    let sasaran = tujuan(s).into_iter().flat_map(|t| t.sasaran);
    sasaran.flat_map(|x| x.indikator).collect()
}

fn renja(s: &Store) -> Vec<perkin::model::plan::RenjaItemRow> {
    let years = s.renja_years().unwrap();
    years
        .iter()
        .flat_map(|y| s.renja_items(y.tahun).unwrap())
        .collect()
}

fn entries(s: &Store) -> Vec<perkin::model::archive::NewArchive> {
    let rows = s.archive_entries(None).unwrap();
    rows.into_iter().map(|r| r.entry).collect()
}

fn visits(s: &Store) -> Vec<Visit> {
    let cycles = s.cycles().unwrap();
    cycles
        .iter()
        .flat_map(|c| s.load_cycle(c.id).unwrap().visits)
        .collect()
}

fn prints(s: &Store) -> Vec<perkin::model::archive::PrintRow> {
    versions(s)
        .iter()
        .flat_map(|v| s.prints(v.id).unwrap())
        .collect()
}

/// One input of a form with its cases.
struct Field {
    label: &'static str,
    /// Counts the records holding exactly the value as typed (trimmed).
    probe: Probe,
    cases: Vec<(String, Want)>,
}

/// A form: how to reach it, fill its other inputs validly, and submit it.
struct Form {
    name: &'static str,
    store: fn(&Path) -> Store,
    /// Reaches the form (once).
    open: fn(&mut H),
    /// Before each case: the form shown, its other inputs valid (the case
    /// number makes what must be unique so).
    fill: fn(&mut H, usize),
    submit: fn(&mut H),
    /// The status change the record's form offers (Ajukan, …): tried after
    /// each refused value, it must not go through.
    status: Option<StatusChange>,
    fields: Vec<Field>,
}

/// A status change and the count of records it would have moved.
struct StatusChange {
    attempt: fn(&mut H),
    moved: fn(&Store) -> usize,
}

fn cases(list: &[(&str, Want)]) -> Vec<(String, Want)> {
    list.iter().map(|(v, w)| (v.to_string(), *w)).collect()
}

/// The text cases of a free-text field: empty (refused when required),
/// 10,000 characters (refused with the field's limit), emoji, right-to-left
/// and SQL metacharacters (just text: stored verbatim).
fn text_cases(empty: Option<&'static str>, too_long: &'static str) -> Vec<(String, Want)> {
    let mut v = vec![(long(), Refused(too_long))];
    if let Some(m) = empty {
        v.push((String::new(), Refused(m)));
    }
    v.extend(cases(&[(EMOJI, Stored), (RTL, Stored), (SQL, Stored)]));
    v
}

/// Numbers that are no number, or none in range: all refused with `msg`.
fn number_cases(msg: &'static str) -> Vec<(String, Want)> {
    cases(&[
        ("", Refused(msg)),
        ("-5", Refused(msg)),
        ("NaN", Refused(msg)),
        ("1e309", Refused(msg)),
        ("99999999999999999999999", Refused(msg)),
        (EMOJI, Refused(msg)),
        (SQL, Refused(msg)),
    ])
}

/// Impossible dates: 31 February (three spellings), year 0, and no date.
fn date_cases() -> Vec<(String, Want)> {
    cases(&[
        ("31/02/2026", Refused("Tanggal '31/02/2026' tidak sah")),
        ("2026-02-31", Refused("Tanggal '2026-02-31' tidak sah")),
        ("31-02-2026", Refused("Tanggal '31-02-2026' tidak sah")),
        (
            "0000-01-01",
            Refused("Tahun pada tanggal '0000-01-01' di luar 1900–2100"),
        ),
        (
            "01-01-0000",
            Refused("Tahun pada tanggal '01-01-0000' di luar 1900–2100"),
        ),
        ("NaN", Refused("Tanggal 'NaN' tidak sah")),
        ("-5", Refused("Tanggal '-5' tidak sah")),
        (EMOJI, Refused("tidak sah")),
    ])
}

fn short(v: &str) -> String {
    if v.chars().count() > 40 {
        format!(
            "{}… ({} karakter)",
            v.chars().take(20).collect::<String>(),
            v.chars().count()
        )
    } else {
        v.to_string()
    }
}

/// The app on `store`, drawing a box for a character its fonts lack (as
/// the real window does) instead of kittest's panic.
fn harness(store: Store) -> H {
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_max_steps(400)
        .allow_missing_glyphs()
        .build_eframe(|cc| PerkinApp::new(cc, store));
    h.run();
    h
}

fn run_form(form: &Form) {
    let dir = tmp();
    let mut h = harness((form.store)(dir.path()));
    h.state_mut().set_open_files(false);
    (form.open)(&mut h);
    let mut n = 0;
    for f in &form.fields {
        for (v, want) in &f.cases {
            let ctx = format!("{}: {} = {:?} ({want:?})", form.name, f.label, short(v));
            (form.fill)(&mut h, n);
            n += 1;
            // Counted before typing: a form that saves as it is typed
            // (the agreement editor) must not store a refused value either.
            let written = audit(&h);
            let before = probe(&h, f.probe, v.trim());
            set(&mut h, f.label, v);
            (form.submit)(&mut h);
            match want {
                Refused(msg) => {
                    assert!(
                        shown(&h, msg),
                        "{ctx}: the message '{msg}' is not shown; seen: {:?}",
                        labels(&h)
                            .into_iter()
                            .map(|l| short(&l))
                            .collect::<Vec<_>>()
                    );
                    in_view(&h, msg, &ctx);
                    assert_eq!(audit(&h), written, "{ctx}: nothing is written");
                    assert_eq!(probe(&h, f.probe, v.trim()), before, "{ctx}: not stored");
                    assert_eq!(
                        h.get_by_label(f.label).value().as_deref().unwrap_or(""),
                        v,
                        "{ctx}: what was typed is kept"
                    );
                    if let Some(st) = &form.status {
                        let moved = (st.moved)(h.state().store());
                        (st.attempt)(&mut h);
                        assert_eq!(
                            (st.moved)(h.state().store()),
                            moved,
                            "{ctx}: no status change while the field is refused"
                        );
                        assert_eq!(audit(&h), written, "{ctx}: nothing written by the attempt");
                    }
                }
                Stored => {
                    if probe(&h, f.probe, v.trim()) != before + 1 {
                        h.get_by_label_contains("Pemberitahuan (").click();
                        h.run();
                    }
                    assert_eq!(
                        probe(&h, f.probe, v.trim()),
                        before + 1,
                        "{ctx}: stored exactly; seen: {:?}",
                        labels(&h)
                            .into_iter()
                            .map(|l| short(&l))
                            .collect::<Vec<_>>()
                    );
                    assert!(audit(&h) > written, "{ctx}: with its audit entry");
                }
            }
            indonesian_only(&h, &ctx);
        }
    }
    // Every notification of the run, too.
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
    indonesian_only(&h, &format!("{}: notifications", form.name));
    assert!(
        h.state().store().check().unwrap().is_empty(),
        "{}: the database is sound",
        form.name
    );
}

fn now() -> chrono::DateTime<chrono::Utc> {
    local(2026, 11, 23, 10, 0)
}

fn empty_store(dir: &Path) -> Store {
    store_at(&db_in(dir), now())
}

fn demo(dir: &Path) -> Store {
    demo_store(dir, now())
}

fn signed(dir: &Path) -> Store {
    let mut s = demo(dir);
    crate::archive::sign_demo(&mut s, 5);
    s
}

fn click_if(h: &mut H, label: &str) {
    if h.query_by_role_and_label(egui::accesskit::Role::Button, label)
        .is_some()
    {
        button(h, label);
    }
}

// ---- Pengaturan ------------------------------------------------------------------------

#[test]
fn instansi() {
    run_form(&Form {
        name: "Instansi",
        store: empty_store,
        open: |h| go(h, "Pengaturan"),
        fill: |h, n| {
            set(h, "Nama instansi", &format!("Dinas Uji {n}"));
            set(h, "Rangkap cetak", "3");
        },
        submit: |h| button(h, "Simpan"),
        status: None,
        fields: vec![
            Field {
                label: "Nama instansi",
                probe: |s, v| usize::from(s.office().unwrap().nama_instansi == v),
                cases: text_cases(
                    Some("Nama instansi wajib diisi"),
                    "Nama instansi terlalu panjang (maksimal 300 karakter)",
                ),
            },
            Field {
                label: "Alamat",
                probe: |s, v| usize::from(s.office().unwrap().alamat == v),
                cases: text_cases(None, "Alamat terlalu panjang (maksimal 300 karakter)"),
            },
            Field {
                label: "Rangkap cetak",
                probe: |s, v| usize::from(s.office().unwrap().rangkap_cetak.to_string() == v),
                cases: number_cases("Jumlah rangkap cetak harus angka 1 sampai 99"),
            },
        ],
    });
}

#[test]
fn unit_kerja() {
    run_form(&Form {
        name: "Unit Kerja",
        store: demo,
        open: |h| {
            go(h, "Pengaturan");
            go(h, "Unit Kerja");
        },
        fill: |h, n| {
            set(h, "Nama unit", &format!("Bidang Uji {n}"));
            set(h, "Kode unit", "");
        },
        submit: |h| button(h, "Tambah unit"),
        status: None,
        fields: vec![
            Field {
                label: "Nama unit",
                probe: |s, v| s.units().unwrap().iter().filter(|u| u.nama == v).count(),
                cases: text_cases(
                    Some("Nama unit wajib diisi"),
                    "Nama unit terlalu panjang (maksimal 200 karakter)",
                ),
            },
            Field {
                label: "Kode unit",
                probe: |s, v| s.units().unwrap().iter().filter(|u| u.kode == v).count(),
                cases: text_cases(None, "Kode unit terlalu panjang (maksimal 50 karakter)"),
            },
        ],
    });
}

#[test]
fn pejabat() {
    let nip_bukan_angka = "NIP hanya boleh berisi angka";
    let mut nip = cases(&[
        ("-5", Refused(nip_bukan_angka)),
        ("NaN", Refused(nip_bukan_angka)),
        ("1e309", Refused(nip_bukan_angka)),
        (
            "99999999999999999999999",
            Refused("NIP harus 18 angka tanpa spasi atau tanda baca (terisi 23 karakter)"),
        ),
        (EMOJI, Refused(nip_bukan_angka)),
        (SQL, Refused(nip_bukan_angka)),
        (
            "19700231 199603 1 007",
            Refused("NIP: tanggal lahir (angka ke-1 s.d. 8, '19700231') bukan tanggal yang sah"),
        ),
        (
            "00000101 199603 1 007",
            Refused("NIP: tanggal lahir (angka ke-1 s.d. 8, '00000101') bukan tanggal yang sah"),
        ),
    ]);
    nip.push((
        "9".repeat(10_000),
        Refused("NIP harus 18 angka tanpa spasi atau tanda baca (terisi 10000 karakter)"),
    ));
    run_form(&Form {
        name: "Pejabat",
        store: empty_store,
        open: |h| {
            go(h, "Pengaturan");
            go(h, "Pejabat");
        },
        fill: |h, n| {
            set(h, "Nama", &format!("Pejabat Uji {n}"));
            set(h, "NIP", "");
            set(h, "Mulai menjabat", "");
            set(h, "Selesai menjabat", "");
        },
        submit: |h| button(h, "Tambah pejabat"),
        status: None,
        fields: vec![
            Field {
                label: "Nama",
                probe: |s, v| {
                    s.officials()
                        .unwrap()
                        .iter()
                        .filter(|o| o.nama == v)
                        .count()
                },
                cases: text_cases(
                    Some("Nama pejabat wajib diisi"),
                    "Nama terlalu panjang (maksimal 150 karakter)",
                ),
            },
            Field {
                label: "NIP",
                probe: |s, v| {
                    s.officials()
                        .unwrap()
                        .iter()
                        .filter(|o| o.nip.as_deref() == Some(v))
                        .count()
                },
                cases: nip,
            },
            Field {
                label: "Mulai menjabat",
                probe: |s, v| {
                    s.officials()
                        .unwrap()
                        .iter()
                        .filter(|o| iso(o.mulai) == v)
                        .count()
                },
                cases: date_cases(),
            },
            Field {
                label: "Selesai menjabat",
                probe: |s, v| {
                    s.officials()
                        .unwrap()
                        .iter()
                        .filter(|o| iso(o.selesai) == v)
                        .count()
                },
                cases: date_cases(),
            },
        ],
    });
}

#[test]
fn jam_kerja() {
    let msg = |v: &'static str| -> (String, Want) {
        let m: &'static str = Box::leak(format!("Senin: Jam '{v}' tidak sah").into_boxed_str());
        (v.to_string(), Refused(m))
    };
    run_form(&Form {
        name: "Jam kerja",
        store: empty_store,
        open: |h| {
            go(h, "Pengaturan");
            go(h, "Kalender Kerja");
        },
        fill: |_, _| {},
        submit: |h| button(h, "Simpan jam kerja"),
        status: None,
        fields: vec![Field {
            label: "Buka Senin",
            probe: |s, v| {
                s.calendar()
                    .unwrap()
                    .jam
                    .iter()
                    .flatten()
                    .filter(|j| j.buka.format("%H:%M").to_string() == v)
                    .count()
            },
            cases: vec![
                msg(""),
                msg("25:00"),
                msg("-5"),
                msg("NaN"),
                msg("1e309"),
                msg("99999999999999999999999"),
                msg(EMOJI),
                msg(SQL),
            ],
        }],
    });
}

#[test]
fn hari_libur() {
    let mut tanggal = date_cases();
    tanggal.push((String::new(), Refused("Tanggal libur wajib diisi")));
    run_form(&Form {
        name: "Hari libur",
        store: empty_store,
        open: |h| {
            go(h, "Pengaturan");
            go(h, "Kalender Kerja");
        },
        fill: |h, n| {
            set(h, "Tanggal libur", &format!("{:02}-12-2026", n + 1));
            set(h, "Keterangan libur", &format!("Libur Uji {n}"));
        },
        submit: |h| button(h, "Tambah hari libur"),
        status: None,
        fields: vec![
            Field {
                label: "Tanggal libur",
                probe: |s, v| {
                    s.calendar()
                        .unwrap()
                        .libur
                        .keys()
                        .filter(|d| d.to_string() == v)
                        .count()
                },
                cases: tanggal,
            },
            Field {
                label: "Keterangan libur",
                probe: |s, v| {
                    s.calendar()
                        .unwrap()
                        .libur
                        .values()
                        .filter(|l| l.nama == v)
                        .count()
                },
                cases: text_cases(
                    Some("Keterangan libur wajib diisi"),
                    "Nama hari libur terlalu panjang (maksimal 200 karakter)",
                ),
            },
        ],
    });
}

// ---- Renstra and Renja ------------------------------------------------------------------

#[test]
fn periode_renstra() {
    // Storing a period closes the form: the one stored case comes last and
    // holds emoji, right-to-left text and SQL metacharacters at once.
    let mut nama = vec![(
        long(),
        Refused("Nama periode terlalu panjang (maksimal 200 karakter)"),
    )];
    nama.push((format!("{EMOJI} {RTL} {SQL}"), Stored));
    run_form(&Form {
        name: "Periode Renstra",
        store: empty_store,
        open: |h| go(h, "Renstra"),
        fill: |h, _| {
            set(h, "Tahun awal", "2025");
            set(h, "Tahun akhir", "2029");
            set(h, "Nama periode", "Renstra Uji");
        },
        submit: |h| button(h, "Buat periode"),
        status: None,
        fields: vec![
            Field {
                label: "Tahun awal",
                probe: |s, v| {
                    s.renstra_periods()
                        .unwrap()
                        .iter()
                        .filter(|p| p.tahun_awal.to_string() == v)
                        .count()
                },
                cases: number_cases("Tahun awal dan akhir harus tahun 2000–2100"),
            },
            Field {
                label: "Tahun akhir",
                probe: |s, v| {
                    s.renstra_periods()
                        .unwrap()
                        .iter()
                        .filter(|p| p.tahun_akhir.to_string() == v)
                        .count()
                },
                cases: number_cases("Tahun awal dan akhir harus tahun 2000–2100"),
            },
            Field {
                label: "Nama periode",
                probe: |s, v| {
                    s.renstra_periods()
                        .unwrap()
                        .iter()
                        .filter(|p| p.nama == v)
                        .count()
                },
                cases: nama,
            },
        ],
    });
}

#[test]
fn tujuan_renstra() {
    run_form(&Form {
        name: "Tujuan Renstra",
        store: demo,
        open: |h| go(h, "Renstra"),
        fill: |h, n| {
            button(h, "Tujuan baru");
            set(h, "Kode", &format!("T{}", n + 10));
            set(h, "Uraian", &format!("Tujuan uji {n}"));
        },
        submit: |h| button(h, "Simpan"),
        status: None,
        fields: vec![
            Field {
                label: "Uraian",
                probe: |s, v| tujuan(s).iter().filter(|t| t.uraian == v).count(),
                cases: text_cases(
                    Some("Uraian wajib diisi"),
                    "Uraian tujuan terlalu panjang (maksimal 1.000 karakter)",
                ),
            },
            Field {
                label: "Kode",
                probe: |s, v| tujuan(s).iter().filter(|t| t.kode == v).count(),
                cases: text_cases(None, "Kode terlalu panjang (maksimal 50 karakter)"),
            },
        ],
    });
}

#[test]
fn indikator_renstra() {
    run_form(&Form {
        name: "Indikator Renstra",
        store: demo,
        open: |h| {
            go(h, "Renstra");
            button(h, "Tujuan baru");
            set(h, "Kode", "T90");
            set(h, "Uraian", "Tujuan uji indikator");
            button(h, "Simpan");
            button(h, "Sasaran baru");
            set(h, "Kode", "T90.S1");
            set(h, "Uraian", "Sasaran uji indikator");
            button(h, "Simpan");
        },
        fill: |h, n| {
            // After a save the new indicator is selected: start another.
            let baru = h
                .query_all_by_role_and_label(egui::accesskit::Role::Button, "Indikator baru")
                .next()
                .is_some();
            if baru {
                button(h, "Indikator baru");
            }
            set(h, "Nama indikator", &format!("Indikator uji {n}"));
            for label in [
                "Kode indikator",
                "Satuan",
                "Formula",
                "Tahun baseline",
                "Target 2027",
            ] {
                set(h, label, "");
            }
        },
        submit: |h| button(h, "Simpan"),
        status: None,
        fields: vec![
            Field {
                label: "Nama indikator",
                probe: |s, v| indikator(s).iter().filter(|i| i.nama == v).count(),
                cases: text_cases(
                    Some("Nama indikator wajib diisi"),
                    "Nama indikator terlalu panjang (maksimal 1.000 karakter)",
                ),
            },
            Field {
                label: "Kode indikator",
                probe: |s, v| indikator(s).iter().filter(|i| i.kode == v).count(),
                cases: text_cases(
                    None,
                    "Kode indikator terlalu panjang (maksimal 50 karakter)",
                ),
            },
            Field {
                label: "Satuan",
                probe: |s, v| indikator(s).iter().filter(|i| i.satuan == v).count(),
                cases: text_cases(None, "Satuan terlalu panjang (maksimal 100 karakter)"),
            },
            Field {
                label: "Formula",
                probe: |s, v| indikator(s).iter().filter(|i| i.formula == v).count(),
                cases: text_cases(None, "Formula terlalu panjang (maksimal 2000 karakter)"),
            },
            Field {
                label: "Tahun baseline",
                probe: |s, v| {
                    indikator(s)
                        .iter()
                        .filter(|i| i.baseline_tahun.map(|y| y.to_string()).as_deref() == Some(v))
                        .count()
                },
                cases: cases(&[
                    ("-5", Refused("Tahun baseline harus tahun 2000–2100")),
                    ("NaN", Refused("Tahun baseline harus tahun 2000–2100")),
                    ("1999", Refused("Tahun baseline harus tahun 2000–2100")),
                    (EMOJI, Refused("Tahun baseline harus tahun 2000–2100")),
                ]),
            },
            Field {
                label: "Target 2027",
                probe: |s, v| {
                    indikator(s)
                        .iter()
                        .filter(|i| i.targets.get(&2027).map(|t| t.tampil()).as_deref() == Some(v))
                        .count()
                },
                cases: cases(&[
                    ("1,234.5", Refused("Target '1,234.5' bukan angka yang sah")),
                    ("1,2,3", Refused("Target '1,2,3' bukan angka yang sah")),
                    ("1.2.3", Refused("bukan angka yang sah")),
                    ("99999999999999999999999", Refused("bukan angka yang sah")),
                    ("0,655", Stored),
                    ("1.234,5", Stored),
                    ("WTP", Stored),
                ]),
            },
        ],
    });
}

#[test]
fn tabel_target() {
    let cell = "Target 2027 T1.S1.I1";
    let bukan = |v: &'static str| -> (String, Want) {
        let m: &'static str =
            Box::leak(format!("2027: Target '{v}' bukan angka yang sah").into_boxed_str());
        (v.to_string(), Refused(m))
    };
    let mut c = vec![
        bukan("99999999999999999999999"),
        bukan("1,2,3"),
        bukan("--5"),
        (
            long(),
            Refused("2027: Target terlalu panjang (maksimal 100 karakter)"),
        ),
    ];
    // A text target ("WTP", "BB") is any text: "NaN" and "1e309" are kept
    // as text, never read as a float that is not a number.
    c.extend(cases(&[
        ("NaN", Stored),
        ("1e309", Stored),
        (EMOJI, Stored),
        (RTL, Stored),
        (SQL, Stored),
    ]));
    run_form(&Form {
        name: "Tabel target",
        store: demo,
        open: |h| {
            go(h, "Renstra");
            button(h, "Tabel target per tahun");
        },
        fill: |_, _| {},
        submit: |h| {
            let b = h
                .query_all_by_role(egui::accesskit::Role::Button)
                .filter_map(|n| n.accesskit_node().label())
                .find(|l| l.starts_with("Simpan perubahan target"))
                .expect("the save button");
            button(h, &b);
        },
        status: None,
        fields: vec![Field {
            label: cell,
            probe: |s, v| {
                let target = indikator(s).into_iter().find(|i| i.kode == "T1.S1.I1");
                let teks = target.and_then(|i| i.targets.get(&2027).cloned());
                usize::from(teks == Some(Target::Teks(v.to_string())))
            },
            cases: c,
        }],
    });
}

#[test]
fn dpa() {
    let mut tanggal = date_cases();
    tanggal.retain(|(v, _)| !v.is_empty());
    let mut nomor = text_cases(None, "Nomor DPA terlalu panjang (maksimal 200 karakter)");
    nomor.push((String::new(), Stored));
    run_form(&Form {
        name: "DPA",
        store: empty_store,
        open: |h| go(h, "Renja"),
        fill: |h, n| {
            set(h, "Nomor DPA", &format!("DPA/UJI/{n}"));
            set(h, "Tanggal pengesahan DPA", "05-01-2026");
        },
        submit: |h| button(h, "Simpan DPA"),
        status: None,
        fields: vec![
            Field {
                label: "Tanggal pengesahan DPA",
                probe: |s, v| {
                    s.renja_years()
                        .unwrap()
                        .iter()
                        .filter(|y| iso(y.tanggal_dpa) == v)
                        .count()
                },
                cases: tanggal,
            },
            Field {
                label: "Nomor DPA",
                probe: |s, v| {
                    s.renja_years()
                        .unwrap()
                        .iter()
                        .filter(|y| y.nomor_dpa == v)
                        .count()
                },
                cases: nomor,
            },
        ],
    });
}

#[test]
fn item_renja() {
    let rupiah = |v: &'static str| -> (String, Want) {
        let m: &'static str = Box::leak(
            format!("Jumlah '{v}' bukan rupiah yang sah: tulis angka bulat").into_boxed_str(),
        );
        (v.to_string(), Refused(m))
    };
    let pagu = vec![
        ("-5".to_string(), Refused("Pagu tidak boleh negatif")),
        rupiah("NaN"),
        rupiah("1e309"),
        rupiah("1,5"),
        rupiah(EMOJI),
        rupiah(SQL),
        (
            "99999999999999999999999".to_string(),
            Refused("Jumlah '99999999999999999999999' terlalu besar"),
        ),
    ];
    let kode_pola = "tidak sesuai pola Permendagri 90/2019";
    run_form(&Form {
        name: "Item Renja",
        store: empty_store,
        open: |h| go(h, "Renja"),
        fill: |h, n| {
            click_if(h, "Item baru");
            radio(h, "Program");
            set(
                h,
                "Kode (Permendagri 90/2019)",
                &format!("5.{:02}.02", n + 1),
            );
            set(h, "Nama program/kegiatan", &format!("Program Uji {n}"));
            set(h, "Pagu (Rp)", "1.000.000");
            set(h, "Pagu DPA (Rp)", "");
        },
        submit: |h| button(h, "Tambah item"),
        status: None,
        fields: vec![
            Field {
                label: "Nama program/kegiatan",
                probe: |s, v| renja(s).iter().filter(|i| i.nama == v).count(),
                cases: text_cases(
                    Some("wajib diisi"),
                    "terlalu panjang (maksimal 1.000 karakter)",
                ),
            },
            Field {
                label: "Pagu (Rp)",
                probe: |s, v| renja(s).iter().filter(|i| i.pagu.to_string() == v).count(),
                cases: pagu.clone(),
            },
            Field {
                label: "Pagu DPA (Rp)",
                probe: |s, v| {
                    renja(s)
                        .iter()
                        .filter(|i| i.pagu_dpa.map(|p| p.to_string()).as_deref() == Some(v))
                        .count()
                },
                cases: pagu.into_iter().filter(|(v, _)| !v.is_empty()).collect(),
            },
            Field {
                label: "Kode (Permendagri 90/2019)",
                probe: |s, v| renja(s).iter().filter(|i| i.kode == v).count(),
                cases: cases(&[
                    ("", Refused(kode_pola)),
                    (SQL, Refused(kode_pola)),
                    (EMOJI, Refused(kode_pola)),
                    ("-5", Refused(kode_pola)),
                    ("NaN", Refused(kode_pola)),
                ]),
            },
        ],
    });
}

// ---- Perjanjian Kinerja, Antrian, Arsip -------------------------------------------------

/// The demo office with a new Bidang whose agreement is made in the editor.
fn with_new_unit(dir: &Path) -> Store {
    let mut s = demo(dir);
    bidang_baru(&mut s);
    s
}

/// Creates the new Bidang's agreement: the editor opens on its draft.
fn open_new_agreement(h: &mut H) {
    go(h, "Perjanjian Kinerja");
    button(h, "Buat Perjanjian Kinerja");
    pick(h, "Unit kerja", "   Bidang Penilaian Kinerja Aparatur");
    button(h, "Buat");
    h.get_by_label("Nomor");
}

/// The editor saves by itself; closing the window writes what is pending.
fn flush(h: &mut H) {
    eframe::App::save(h.state_mut(), &mut MemStorage::default());
    h.run();
}

#[test]
fn editor_perjanjian() {
    run_form(&Form {
        name: "Editor PK",
        store: with_new_unit,
        open: |h| {
            open_new_agreement(h);
            button(h, "Tambah baris");
            button(h, "Tambah baris anggaran");
        },
        fill: |h, n| {
            set(h, "Nomor", &format!("800/{n:03}/UJI/2027"));
            set(h, "Tempat", "Kupang");
            set(h, "Tanggal penandatanganan (hh-bb-tttt)", "29-01-2027");
            set(h, "Anggaran 1 Jumlah", "1.000.000");
            set(h, "Baris 1 Target", "90");
            flush(h);
        },
        submit: flush,
        status: Some(StatusChange {
            attempt: |h| button(h, "Ajukan"),
            moved: |s| {
                versions(s)
                    .iter()
                    .filter(|v| v.status != Status::Draf)
                    .count()
            },
        }),
        fields: vec![
            Field {
                label: "Anggaran 1 Jumlah",
                probe: |s, v| {
                    versions(s)
                        .iter()
                        .filter(|d| d.content.budget.iter().any(|b| b.anggaran.to_string() == v))
                        .count()
                },
                cases: cases(&[
                    ("1,5 M", Refused("Jumlah '1,5 M' bukan rupiah yang sah")),
                    ("1.234,5", Refused("bukan rupiah yang sah")),
                    ("12.34", Refused("bukan rupiah yang sah")),
                    ("-5", Refused("Anggaran baris 1: Pagu tidak boleh negatif")),
                    ("NaN", Refused("bukan rupiah yang sah")),
                    ("1e309", Refused("bukan rupiah yang sah")),
                    ("99999999999999999999999", Refused("terlalu besar")),
                    (EMOJI, Refused("bukan rupiah yang sah")),
                    (SQL, Refused("bukan rupiah yang sah")),
                ]),
            },
            Field {
                label: "Baris 1 Target",
                probe: |s, v| {
                    versions(s)
                        .iter()
                        .filter(|d| d.content.lines.iter().any(|l| l.target == v))
                        .count()
                },
                cases: vec![
                    (
                        long(),
                        Refused("Target terlalu panjang (maksimal 2000 karakter)"),
                    ),
                    ("≥ 95".to_string(), Stored),
                    ("WTP".to_string(), Stored),
                    (EMOJI.to_string(), Stored),
                ],
            },
            Field {
                label: "Nomor",
                probe: |s, v| versions(s).iter().filter(|d| d.content.nomor == v).count(),
                cases: text_cases(None, "Nomor terlalu panjang (maksimal 2000 karakter)"),
            },
            Field {
                label: "Tempat",
                probe: |s, v| versions(s).iter().filter(|d| d.content.tempat == v).count(),
                cases: text_cases(None, "Tempat terlalu panjang (maksimal 2000 karakter)"),
            },
            Field {
                label: "Tanggal penandatanganan (hh-bb-tttt)",
                probe: |s, v| {
                    versions(s)
                        .iter()
                        .filter(|d| iso(d.content.tanggal) == v)
                        .count()
                },
                cases: date_cases(),
            },
        ],
    });
}

#[test]
fn siklus_baru() {
    run_form(&Form {
        name: "Siklus baru",
        store: demo,
        open: |h| go(h, "Antrian Persetujuan"),
        fill: |h, n| {
            if h.query_by_label("Nama siklus").is_none() {
                go(h, "Antrian Persetujuan");
                button(h, "Mulai siklus baru");
            }
            pick(
                h,
                "Templat SOP",
                "Penyusunan Perjanjian Kinerja (bkpsdm-90-2023)",
            );
            set(h, "Nama siklus", &format!("Siklus Uji {n}"));
            let unit = h
                .query_all_by_role(egui::accesskit::Role::CheckBox)
                .find(|c| {
                    c.accesskit_node()
                        .label()
                        .is_some_and(|l| l.starts_with("Sekretariat — "))
                })
                .expect("the Sekretariat to tick");
            if unit.accesskit_node().toggled() != Some(egui::accesskit::Toggled::True) {
                unit.click();
                h.run();
            }
        },
        submit: |h| button(h, "Mulai siklus"),
        status: None,
        fields: vec![Field {
            label: "Nama siklus",
            probe: |s, v| s.cycles().unwrap().iter().filter(|c| c.nama == v).count(),
            // Emptied, the field takes the template's name again: no empty case.
            cases: text_cases(None, "Nama siklus terlalu panjang (maksimal 200 karakter)"),
        }],
    });
}

/// The queue's task form: the note and the rejection reason have a limit;
/// any other text is stored exactly.
#[test]
fn tugas_antrian() {
    const KEGIATAN: &str = "Memeriksa dan menandatangani form Perjanjian Kinerja";
    let dir = tmp();
    let mut h = harness(demo(dir.path()));
    // Opens the first open task of the decision step 3, its kelengkapan ticked.
    let open_task = |h: &mut H| {
        go(h, "Antrian Persetujuan");
        h.query_all_by_role_and_label(egui::accesskit::Role::Button, KEGIATAN)
            .next()
            .expect("a step 3 task of the demo")
            .click();
        h.run();
        let boxes: Vec<String> = h
            .query_all_by_role(egui::accesskit::Role::CheckBox)
            .filter(|c| c.accesskit_node().toggled() != Some(egui::accesskit::Toggled::True))
            .filter_map(|c| c.accesskit_node().label())
            .collect();
        for b in boxes {
            h.get_by_role_and_label(egui::accesskit::Role::CheckBox, &b)
                .click();
            h.run();
        }
    };
    let refused = |h: &mut H, label: &str, v: &str, msg: &str| {
        assert!(
            shown(h, msg),
            "{label}: '{msg}' not shown; seen {:?}",
            labels(h)
        );
        assert_eq!(
            h.get_by_label(label).value().as_deref(),
            Some(v),
            "{label}: what was typed is kept"
        );
        indonesian_only(h, label);
    };
    open_task(&mut h);
    let written = audit(&h);

    set(&mut h, "Catatan", &long());
    button(&mut h, "Setujui");
    refused(
        &mut h,
        "Catatan",
        &long(),
        "Catatan terlalu panjang (maksimal 2000 karakter)",
    );
    set(&mut h, "Catatan", "");
    set(&mut h, "Alasan penolakan", &long());
    button(&mut h, "Tolak");
    assert!(!shown(&h, "Ya, tolak"), "refused before the confirmation");
    refused(
        &mut h,
        "Alasan penolakan",
        &long(),
        "Alasan penolakan terlalu panjang (maksimal 2000 karakter)",
    );
    assert_eq!(audit(&h), written, "nothing is written");
    let too_long = |t: &str| t.chars().count() > 2000;
    let stored = visits(h.state().store());
    assert!(
        !stored
            .iter()
            .any(|v| too_long(&v.note) || too_long(&v.reason))
    );

    // Emoji, right-to-left and SQL text: stored exactly, as the note of an
    // approval and as a rejection's reason.
    let teks = format!("{EMOJI} {RTL} {SQL}");
    set(&mut h, "Alasan penolakan", "");
    set(&mut h, "Catatan", &teks);
    button(&mut h, "Setujui");
    assert_eq!(
        probe(
            &h,
            |s, v| visits(s).iter().filter(|x| x.note == v).count(),
            &teks
        ),
        1
    );
    open_task(&mut h);
    set(&mut h, "Alasan penolakan", &teks);
    button(&mut h, "Tolak");
    button(&mut h, "Ya, tolak");
    assert_eq!(
        probe(
            &h,
            |s, v| {
                let rejected = |x: &&Visit| x.outcome == Some(Outcome::Tolak);
                visits(s)
                    .iter()
                    .filter(rejected)
                    .filter(|x| x.reason == v)
                    .count()
            },
            &teks
        ),
        1
    );
    assert!(audit(&h) >= written + 2);
    indonesian_only(&h, "tugas antrian");
}

#[test]
fn register_arsip() {
    // Five signed versions: at most five entries can be stored.
    let mut tanggal = date_cases();
    tanggal.push((String::new(), Refused("Tanggal '' tidak sah")));
    let mut serah = date_cases();
    serah.push((
        "23-11-2026".into(),
        Refused("Tanggal serah 23 November 2026 sebelum tanggal pendaftaran 24 November 2026"),
    ));
    let mut keterangan = vec![(
        long(),
        Refused("Keterangan terlalu panjang (maksimal 2000 karakter)"),
    )];
    keterangan.push((RTL.to_string(), Stored));
    let mut lemari = vec![(
        long(),
        Refused("Lemari terlalu panjang (maksimal 200 karakter)"),
    )];
    lemari.push((SQL.to_string(), Stored));
    let mut rangkap = number_cases("Jumlah rangkap harus angka 1 sampai 99, mis. 2");
    rangkap.push((
        "0".into(),
        Refused("Jumlah rangkap harus angka 1 sampai 99, mis. 2"),
    ));
    run_form(&Form {
        name: "Register arsip",
        store: signed,
        open: |h| go(h, "Arsip"),
        fill: |h, n| {
            if h.query_by_label("Nomor agenda").is_none() {
                h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Daftarkan")
                    .next()
                    .expect("a signed version to register")
                    .click();
                h.run();
            }
            set(h, "Nomor agenda", &format!("{:03}", n + 100));
            set(h, "Tanggal (hh-bb-tttt)", "24-11-2026");
            set(h, "Jumlah rangkap", "3");
            set(h, "Lemari", "");
            set(h, "Keterangan", "");
            set(h, "Tanggal serah (hh-bb-tttt)", "");
        },
        submit: |h| button(h, "Simpan"),
        status: None,
        fields: vec![
            Field {
                label: "Nomor agenda",
                probe: |s, v| entries(s).iter().filter(|e| e.nomor_agenda == v).count(),
                cases: text_cases(
                    Some("Nomor agenda wajib diisi"),
                    "Nomor agenda terlalu panjang (maksimal 60 karakter)",
                ),
            },
            Field {
                label: "Tanggal (hh-bb-tttt)",
                probe: |s, v| {
                    entries(s)
                        .iter()
                        .filter(|e| e.tanggal.to_string() == v)
                        .count()
                },
                cases: tanggal,
            },
            Field {
                label: "Jumlah rangkap",
                probe: |s, v| {
                    entries(s)
                        .iter()
                        .filter(|e| e.rangkap.to_string() == v)
                        .count()
                },
                cases: rangkap,
            },
            Field {
                label: "Tanggal serah (hh-bb-tttt)",
                probe: |s, v| {
                    entries(s)
                        .iter()
                        .filter(|e| iso(e.tanggal_serah) == v)
                        .count()
                },
                cases: serah,
            },
            Field {
                label: "Keterangan",
                probe: |s, v| entries(s).iter().filter(|e| e.keterangan == v).count(),
                cases: keterangan,
            },
            Field {
                label: "Lemari",
                probe: |s, v| entries(s).iter().filter(|e| e.lemari == v).count(),
                cases: lemari,
            },
        ],
    });
}

#[test]
fn cetak_salinan() {
    let mut rangkap = number_cases("Jumlah rangkap harus angka 1 sampai 99");
    rangkap.push((
        "0".into(),
        Refused("Jumlah rangkap harus angka 1 sampai 99"),
    ));
    run_form(&Form {
        name: "Cetak salinan",
        store: signed,
        open: |h| {
            let unit = versions(h.state().store())
                .into_iter()
                .find(|d| d.status == Status::Ditandatangani)
                .unwrap()
                .unit;
            go(h, "Perjanjian Kinerja");
            h.get_by_label(&unit).click();
            h.run();
            button(h, "Cetak salinan…");
        },
        fill: |_, _| {},
        submit: |h| button(h, "Cetak"),
        status: None,
        fields: vec![Field {
            label: "Jumlah rangkap",
            probe: |s, v| {
                prints(s)
                    .iter()
                    .filter(|p| p.rangkap.to_string() == v)
                    .count()
            },
            cases: rangkap,
        }],
    });
}

// ---- The disk: full, read-only, a folder that is a file ----------------------------------

/// Puts the app's store into a fault (or out of it).
fn drill(h: &H, fault: Drill, on: bool) {
    h.state().store().drill(fault, on).unwrap();
}

#[test]
fn a_full_disk_keeps_what_was_typed_and_saves_it_once_there_is_room() {
    let dir = tmp();
    let mut h = harness(empty_store(dir.path()));
    go(&mut h, "Pengaturan");
    // Long enough (within the limits) to need new pages.
    let alamat = "Jalan Perintis Kemerdekaan Nomor 17, Kelurahan Oebufu ".repeat(5);
    let mut fields = vec![
        ("Nama instansi", "Badan Uji Disk Penuh".to_string()),
        ("Alamat", alamat.clone()),
    ];
    for label in [
        "Pemerintah",
        "Kota (tempat penandatanganan)",
        "Telepon",
        "Email",
        "Laman",
        "Jabatan kepala daerah",
        "Nama kepala daerah",
    ] {
        fields.push((label, format!("{label} ").repeat(290 / (label.len() + 1))));
    }
    for (label, v) in &fields {
        set(&mut h, label, v);
    }
    drill(&h, Drill::DiskFull, true);
    let written = audit(&h);
    button(&mut h, "Simpan");
    let msg = "Disk penuh: perubahan tidak disimpan. Kosongkan ruang disk lalu simpan lagi.";
    assert!(shown(&h, msg), "{:?}", labels(&h));
    indonesian_only(&h, "disk penuh");
    assert_eq!(audit(&h), written, "nothing written");
    assert_eq!(h.state().store().office().unwrap().nama_instansi, "");
    for (label, v) in &fields {
        assert_eq!(
            h.get_by_label(label).value().as_deref(),
            Some(v.as_str()),
            "{label} kept"
        );
    }
    // Room again: the same press of Simpan stores it all.
    drill(&h, Drill::DiskFull, false);
    button(&mut h, "Simpan");
    let o = h.state().store().office().unwrap();
    assert_eq!(o.nama_instansi, "Badan Uji Disk Penuh");
    assert_eq!(o.alamat, alamat.trim());
    assert!(!shown(&h, msg));
    assert!(h.state().store().check().unwrap().is_empty());
}

#[test]
fn a_read_only_database_keeps_a_new_unit_and_the_editors_draft() {
    let dir = tmp();
    let mut h = harness(with_new_unit(dir.path()));
    let msg = "Folder data hanya dapat dibaca: perubahan tidak disimpan.";
    // A form: the unit typed stays in it.
    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    set(&mut h, "Nama unit", "Bidang Tidak Tersimpan");
    drill(&h, Drill::ReadOnly, true);
    let written = audit(&h);
    button(&mut h, "Tambah unit");
    assert!(shown(&h, msg), "{:?}", labels(&h));
    indonesian_only(&h, "hanya dapat dibaca");
    assert_eq!(
        h.get_by_label("Nama unit").value().as_deref(),
        Some("Bidang Tidak Tersimpan")
    );
    drill(&h, Drill::ReadOnly, false);
    button(&mut h, "Tambah unit");
    assert_eq!(
        probe(
            &h,
            |s, v| s.units().unwrap().iter().filter(|u| u.nama == v).count(),
            "Bidang Tidak Tersimpan"
        ),
        1
    );
    assert_eq!(audit(&h), written + 1);

    // The agreement editor saves as it is typed: refused, the edit stays
    // pending with the reason, and is written once the data can be.
    open_new_agreement(&mut h);
    drill(&h, Drill::ReadOnly, true);
    set(&mut h, "Nomor", "800/077/BKPSDM/2027");
    flush(&mut h);
    assert!(
        shown(&h, &format!("Belum tersimpan: {msg}")),
        "{:?}",
        labels(&h)
    );
    indonesian_only(&h, "editor, hanya dapat dibaca");
    let nomor = |h: &H| {
        let n = versions(h.state().store());
        n.iter()
            .filter(|d| d.content.nomor == "800/077/BKPSDM/2027")
            .count()
    };
    assert_eq!(nomor(&h), 0);
    assert_eq!(
        h.get_by_label("Nomor").value().as_deref(),
        Some("800/077/BKPSDM/2027")
    );
    drill(&h, Drill::ReadOnly, false);
    flush(&mut h);
    assert_eq!(nomor(&h), 1, "written once the fault is gone");
    assert!(!shown(&h, "Belum tersimpan"));
}

#[test]
fn an_export_into_a_folder_that_is_a_file_says_so() {
    let dir = tmp();
    let mut h = harness(signed(dir.path()));
    h.state_mut().set_open_files(false);
    let file = dir.path().join("bukan-folder");
    std::fs::write(&file, "sebuah berkas").unwrap();
    for (i, name) in ["register.pdf", "register.xlsx"].iter().enumerate() {
        crate::ui::export_register(&mut h, file.join(name));
        wait_jobs(&mut h);
        h.get_by_label_contains("Pemberitahuan (").click();
        h.run();
        assert_eq!(
            h.query_all_by_label_contains("salah satu folder pada jalurnya ternyata berkas")
                .count(),
            i + 1,
            "{name}: {:?}",
            labels(&h)
        );
        indonesian_only(&h, name);
        h.get_by_label_contains("Pemberitahuan (").click();
        h.run();
    }
}

#[test]
fn a_data_folder_that_cannot_be_made_is_named_in_indonesian() {
    let dir = tmp();
    let file = dir.path().join("data");
    std::fs::write(&file, "sebuah berkas").unwrap();
    let db = file.join("perkin").join("perkin.db");
    let e = Store::open(&db).unwrap_err().to_string();
    assert!(
        e.contains("salah satu folder pada jalurnya ternyata berkas"),
        "{e}"
    );
    // The window shows that message instead of the app.
    let path = db.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 500.0))
        .build_eframe(move |cc| {
            perkin::ui::install_fonts(&cc.egui_ctx);
            perkin::ui::OpenErrorApp { path, message: e }
        });
    h.run();
    h.get_by_label_contains("salah satu folder pada jalurnya ternyata berkas");
    for l in labels_of(&h) {
        assert!(
            foreign_word(&l.replace(&db.display().to_string(), " ")).is_none(),
            "{l}"
        );
    }
    // And the command line says it without a panic.
    let r = crate::common::run(&["demo", "--db", db.to_str().unwrap()]);
    assert_ne!(r.code, 0);
    assert!(!r.err.contains("panicked"), "{}", r.err);
    assert!(
        r.err
            .contains("salah satu folder pada jalurnya ternyata berkas"),
        "{}",
        r.err
    );
    assert!(
        foreign_word(&r.err.replace(&db.display().to_string(), " ")).is_none(),
        "{}",
        r.err
    );
}
