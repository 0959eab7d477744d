//! The workflow engine on both seed SOPs: happy paths, the Tolak loop with
//! its own clock, the fan-out step, and every illegal transition refused.

use chrono::{DateTime, Duration, Utc};
use perkin::model::id::{OfficialId, UnitId};
use perkin::model::sop::{SopTemplate, sop_bawaan};
use perkin::model::workflow::{Act, Action, Cycle, Outcome, WorkflowError};
use perkin::model::worktime::{Kalender, Vonis, Zona, vonis};

use crate::common::{local, template};

fn act(action: Action, now: DateTime<Utc>) -> Act {
    Act {
        action,
        performer_id: Some(OfficialId(1)),
        performer: "Pelaksana Uji".into(),
        note: String::new(),
        now,
    }
}

/// Acts on the only open task of step `no` (for `unit`), asserting success.
fn step(c: &mut Cycle, no: &str, unit: Option<i64>, action: Action, now: DateTime<Utc>) {
    let seq = c
        .find_task(no, unit.map(UnitId))
        .unwrap_or_else(|e| panic!("langkah {no}: {e}"))
        .seq;
    let change = c
        .act(seq, &act(action, now))
        .unwrap_or_else(|e| panic!("langkah {no}: {e}"));
    c.apply(&change);
}

/// The printed numbers of the steps with open tasks, with their units.
fn open(c: &Cycle) -> Vec<(String, Option<i64>)> {
    c.open_visits()
        .map(|v| (c.template.langkah[v.step].no.clone(), v.unit.map(|u| u.0)))
        .collect()
}

/// Unit ids from plain numbers.
fn units(ids: &[i64]) -> Vec<UnitId> {
    ids.iter().copied().map(UnitId).collect()
}

fn s(no: &str) -> (String, Option<i64>) {
    (no.to_string(), None)
}

fn u(no: &str, unit: i64) -> (String, Option<i64>) {
    (no.to_string(), Some(unit))
}

#[test]
fn happy_path_seed_000_with_fan_out() {
    let t = template("bkpsdm-90-2023");
    let mut now = local(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(t, units(&[11, 12, 13]), 450, now).unwrap();
    assert_eq!(open(&c), vec![s("1")]);
    now += Duration::minutes(3);
    step(&mut c, "1", None, Action::Selesai, now);
    assert_eq!(open(&c), vec![s("2")]);
    step(&mut c, "2", None, Action::Selesai, now + Duration::hours(2));
    // Step 3 fans out: one task per unit.
    assert_eq!(open(&c), vec![u("3", 11), u("3", 12), u("3", 13)]);
    assert_eq!(
        c.find_task("3", None),
        Err(WorkflowError::AmbiguousUnit { no: "3".into() })
    );
    step(&mut c, "3", Some(12), Action::Ya, now + Duration::hours(3));
    step(&mut c, "3", Some(11), Action::Ya, now + Duration::hours(3));
    assert_eq!(c.units_done(2), 2);
    assert_eq!(
        open(&c),
        vec![u("3", 13)],
        "step 4 waits until every unit is through"
    );
    step(&mut c, "3", Some(13), Action::Ya, now + Duration::hours(4));
    assert_eq!(open(&c), vec![s("4")]);
    for (no, action) in [
        ("4", Action::Selesai),
        ("5", Action::Selesai),
        ("6", Action::Ya),
        ("7", Action::Ya),
        ("8", Action::Selesai),
        ("10", Action::Selesai),
    ] {
        now += Duration::hours(5);
        step(&mut c, no, None, action, now);
        assert!(c.finished_at.is_none());
    }
    assert_eq!(open(&c), vec![s("11")]);
    step(
        &mut c,
        "11",
        None,
        Action::Selesai,
        now + Duration::hours(1),
    );
    assert!(open(&c).is_empty());
    assert_eq!(c.finished_at, Some(now + Duration::hours(1)));
    // 10 steps, step 3 three times: 12 visits, each closed once.
    assert_eq!(c.visits.len(), 12);
    assert!(c.visits.iter().all(|v| v.outcome.is_some()));
}

#[test]
fn happy_path_seed_002() {
    let t = template("badan-ntt-pk");
    let start = local(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(t, units(&[]), 450, start).unwrap();
    let mut now = start;
    let order = [
        ("1", Action::Selesai),
        ("2", Action::Selesai),
        ("3", Action::Selesai),
        ("4", Action::Selesai),
        ("5", Action::Selesai),
        ("6", Action::Ya),
        ("7", Action::Ya),
        ("8", Action::Selesai),
        ("9", Action::Selesai),
    ];
    for (k, (no, action)) in order.into_iter().enumerate() {
        assert_eq!(open(&c), vec![s(no)], "before step {no}");
        now += Duration::minutes(10);
        step(&mut c, no, None, action, now);
        assert_eq!(c.finished_at.is_some(), k == 8);
    }
    let outcomes: Vec<Outcome> = c.visits.iter().filter_map(|v| v.outcome).collect();
    assert_eq!(outcomes.iter().filter(|o| **o == Outcome::Ya).count(), 2);
    assert_eq!(c.visits.len(), 9);
}

#[test]
fn tolak_opens_a_fresh_visit_with_its_own_clock() {
    let kal = Kalender::bawaan(Zona::Wita);
    let t = template("badan-ntt-pk");
    let i5 = t.indeks_langkah("5").unwrap();
    let mut c = Cycle::start(
        t,
        vec![],
        kal.standard_day_minutes(),
        local_wita(2026, 11, 23, 8, 0),
    )
    .unwrap();
    for no in ["1", "2", "3", "4", "5"] {
        step(
            &mut c,
            no,
            None,
            Action::Selesai,
            local_wita(2026, 11, 23, 9, 0),
        );
    }
    // Sekretaris rejects at step 6 on Tuesday 10:00 WITA.
    let tolak_at = local_wita(2026, 11, 24, 10, 0);
    let seq6 = c.find_task("6", None).unwrap().seq;
    let change = c
        .act(
            seq6,
            &act(
                Action::Tolak {
                    reason: "Target belum selaras dengan IKU".into(),
                },
                tolak_at,
            ),
        )
        .unwrap();
    assert_eq!(change.closed.outcome, Some(Outcome::Tolak));
    assert_eq!(change.closed.reason, "Target belum selaras dengan IKU");
    assert_eq!(change.opened.len(), 1);
    let fresh = &change.opened[0];
    assert_eq!(fresh.step, i5, "Tolak at 6 returns to step 5");
    assert_eq!(
        fresh.started_at, tolak_at,
        "the fresh visit's clock starts at the Tolak"
    );
    assert_eq!(fresh.standard_minutes, 450, "step 5 is 1 hari");
    assert_eq!(fresh.opened_by, Some(seq6));
    c.apply(&change);
    let visits5: Vec<_> = c.visits.iter().filter(|v| v.step == i5).collect();
    assert_eq!(visits5.len(), 2, "two visits of step 5, each its own task");
    assert!(visits5[0].finished_at.is_some() && visits5[1].finished_at.is_none());

    // The fresh visit's verdict runs from the Tolak, not from the first visit:
    // Tue 10:00 + 450 working minutes = Wed 10:00 (WITA).
    let due = kal.tambah_menit_kerja(fresh.started_at, fresh.standard_minutes);
    assert_eq!(due, local_wita(2026, 11, 25, 10, 0));
    let early = vonis(
        &kal,
        fresh.started_at,
        fresh.standard_minutes,
        None,
        local_wita(2026, 11, 24, 13, 0),
    );
    // Tue 10:00–12:00 + 13:00 = 120 min used of 450.
    assert_eq!(
        early,
        Vonis::Berjalan {
            terpakai: Duration::minutes(120),
            sisa: Duration::minutes(330),
            persen: 26
        }
    );
    step(
        &mut c,
        "5",
        None,
        Action::Selesai,
        local_wita(2026, 11, 25, 11, 0),
    );
    let redone = c.visits.iter().filter(|v| v.step == i5).nth(1).unwrap();
    assert_eq!(
        vonis(
            &kal,
            redone.started_at,
            redone.standard_minutes,
            redone.finished_at,
            local_wita(2026, 11, 26, 8, 0)
        ),
        Vonis::Terlambat {
            terpakai: Duration::minutes(510),
            lewat: Duration::minutes(60)
        }
    );
    assert_eq!(open(&c), vec![s("6")]);
    step(
        &mut c,
        "6",
        None,
        Action::Ya,
        local_wita(2026, 11, 25, 14, 0),
    );
    // Kepala rejects at 7: back to 6.
    step(
        &mut c,
        "7",
        None,
        Action::Tolak {
            reason: "Perbaiki redaksi".into(),
        },
        local_wita(2026, 11, 25, 15, 0),
    );
    assert_eq!(open(&c), vec![s("6")]);
}

fn local_wita(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::common::local_in(Zona::Wita, y, m, d, h, min)
}

#[test]
fn fan_out_tolak_affects_only_that_unit() {
    let t = template("bkpsdm-90-2023");
    let now = local(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(t, units(&[1, 2, 3]), 450, now).unwrap();
    step(&mut c, "1", None, Action::Selesai, now);
    step(&mut c, "2", None, Action::Selesai, now);
    step(&mut c, "3", Some(1), Action::Ya, now);
    step(
        &mut c,
        "3",
        Some(2),
        Action::Tolak {
            reason: "Form belum lengkap".into(),
        },
        now,
    );
    // Unit 2 goes back to step 2 alone; unit 3 is still at step 3.
    assert_eq!(open(&c), vec![u("3", 3), u("2", 2)]);
    step(&mut c, "3", Some(3), Action::Ya, now);
    assert_eq!(open(&c), vec![u("2", 2)], "step 4 waits for unit 2");
    step(&mut c, "2", Some(2), Action::Selesai, now);
    assert_eq!(
        open(&c),
        vec![u("3", 2)],
        "only unit 2 checks its form again"
    );
    step(&mut c, "3", Some(2), Action::Ya, now);
    assert_eq!(open(&c), vec![s("4")]);
    // Units 1 and 3 were never asked again.
    let i3 = c.template.indeks_langkah("3").unwrap();
    for (unit, visits) in [(1, 1), (2, 2), (3, 1)] {
        assert_eq!(
            c.visits
                .iter()
                .filter(|v| v.step == i3 && v.unit == Some(UnitId(unit)))
                .count(),
            visits
        );
    }
}

#[test]
fn a_shared_tolak_back_into_a_fan_out_run_asks_every_unit_again() {
    // A 3-step template: fan-out check, then a decision that rejects to it.
    let src = r#"
[sop]
kode = "uji-putaran"
nomor = "1/UJI"
nama = "Uji putaran"
disahkan_oleh = "Kepala"
dasar_hukum = []
kualifikasi_pelaksana = []
keterkaitan = []
peralatan_perlengkapan = []
peringatan = []
pencatatan_pendataan = []

[[pelaksana]]
kode = "unit"
nama = "Unit"

[[pelaksana]]
kode = "kepala"
nama = "Kepala"

[[langkah]]
no = "1"
kegiatan = "Mengisi form"
pelaksana = "unit"
kelengkapan = []
waktu = "1 jam"
output = "Form"
per_unit = true

[[langkah]]
no = "2"
kegiatan = "Memeriksa semua form"
pelaksana = "kepala"
kelengkapan = []
waktu = "1 jam"
output = "Form diperiksa"
tolak_ke = "1"

[[langkah]]
no = "3"
kegiatan = "Mengarsipkan"
pelaksana = "kepala"
kelengkapan = []
waktu = "10 menit"
output = "Arsip"
akhir = true
"#;
    let t = SopTemplate::parse(src, "uji.toml").unwrap();
    let now = local(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(t, units(&[7, 8]), 450, now).unwrap();
    assert_eq!(open(&c), vec![u("1", 7), u("1", 8)]);
    step(&mut c, "1", Some(7), Action::Selesai, now);
    step(&mut c, "1", Some(8), Action::Selesai, now);
    step(
        &mut c,
        "2",
        None,
        Action::Tolak {
            reason: "Semua form salah format".into(),
        },
        now,
    );
    assert_eq!(
        open(&c),
        vec![u("1", 7), u("1", 8)],
        "a new round for every unit"
    );
    step(&mut c, "1", Some(8), Action::Selesai, now);
    assert_eq!(open(&c), vec![u("1", 7)], "the old round does not count");
    step(&mut c, "1", Some(7), Action::Selesai, now);
    step(&mut c, "2", None, Action::Ya, now);
    step(&mut c, "3", None, Action::Selesai, now);
    assert!(c.finished_at.is_some());
}

#[test]
fn illegal_transitions_are_refused_and_change_nothing() {
    let t = template("badan-ntt-pk");
    let now = local(2026, 11, 23, 8, 0);
    let mut c = Cycle::start(t, units(&[]), 450, now).unwrap();
    let seq1 = c.find_task("1", None).unwrap().seq;

    // Skipping ahead: step 5 has not started.
    match c.find_task("5", None) {
        Err(WorkflowError::Skipping { no, current }) => {
            assert_eq!(no, "5");
            assert!(current.starts_with("1 ("), "{current}");
        }
        other => panic!("expected Skipping, got {other:?}"),
    }
    let msg = c.find_task("5", None).unwrap_err().to_string();
    assert!(msg.contains("tidak boleh dilompati"), "{msg}");
    assert_eq!(
        c.find_task("99", None).unwrap_err(),
        WorkflowError::NoSuchStep { no: "99".into() }
    );
    // Ya/Tolak on a non-decision.
    let before = c.clone();
    assert_eq!(
        c.act(seq1, &act(Action::Ya, now)).unwrap_err(),
        WorkflowError::NotADecision { no: "1".into() }
    );
    assert!(
        c.act(seq1, &act(Action::Tolak { reason: "x".into() }, now))
            .unwrap_err()
            .to_string()
            .contains("bukan keputusan")
    );
    // Before the task started.
    assert!(matches!(
        c.act(seq1, &act(Action::Selesai, now - Duration::minutes(1))),
        Err(WorkflowError::BeforeStart { .. })
    ));
    assert_eq!(
        c.act(999, &act(Action::Selesai, now)).unwrap_err(),
        WorkflowError::NoSuchVisit(999)
    );
    assert_eq!(c, before, "refusals change nothing");

    for no in ["1", "2", "3", "4", "5"] {
        step(&mut c, no, None, Action::Selesai, now);
    }
    // A step that is no longer current.
    assert_eq!(
        c.act(seq1, &act(Action::Selesai, now)).unwrap_err(),
        WorkflowError::NotCurrent {
            no: "1".into(),
            kegiatan: c.template.langkah[0].kegiatan.clone()
        }
    );
    assert!(matches!(
        c.find_task("2", None),
        Err(WorkflowError::NotCurrent { .. })
    ));
    // Selesai on a decision; Tolak without a reason.
    let seq6 = c.find_task("6", None).unwrap().seq;
    assert_eq!(
        c.act(seq6, &act(Action::Selesai, now)).unwrap_err(),
        WorkflowError::IsADecision { no: "6".into() }
    );
    assert_eq!(
        c.act(
            seq6,
            &act(
                Action::Tolak {
                    reason: "   ".into()
                },
                now
            )
        )
        .unwrap_err(),
        WorkflowError::ReasonRequired
    );
    assert_eq!(
        WorkflowError::ReasonRequired.to_string(),
        "Alasan penolakan wajib diisi"
    );
    // A note or reason over 2,000 characters is refused.
    let panjang = "x".repeat(2_001);
    assert_eq!(
        c.act(
            seq6,
            &act(
                Action::Tolak {
                    reason: panjang.clone()
                },
                now
            )
        )
        .unwrap_err()
        .to_string(),
        "Alasan penolakan terlalu panjang (maksimal 2000 karakter)"
    );
    let mut a = act(Action::Ya, now);
    a.note = panjang;
    assert_eq!(
        c.act(seq6, &a).unwrap_err().to_string(),
        "Catatan terlalu panjang (maksimal 2000 karakter)"
    );

    for (no, a) in [
        ("6", Action::Ya),
        ("7", Action::Ya),
        ("8", Action::Selesai),
        ("9", Action::Selesai),
    ] {
        step(&mut c, no, None, a, now);
    }
    // Acting on a finished cycle.
    let last = c.visits.last().unwrap().seq;
    assert_eq!(
        c.act(last, &act(Action::Selesai, now)).unwrap_err(),
        WorkflowError::CycleFinished
    );
    assert_eq!(
        c.find_task("9", None).unwrap_err(),
        WorkflowError::CycleFinished
    );
}

#[test]
fn starting_needs_units_for_a_fan_out_template() {
    let t = template("bkpsdm-90-2023");
    let now = local(2026, 11, 23, 8, 0);
    let err = Cycle::start(t.clone(), units(&[]), 450, now).unwrap_err();
    assert_eq!(err, WorkflowError::NoUnits { step: "3".into() });
    assert!(err.to_string().contains("pilih minimal satu unit"));
    assert_eq!(
        Cycle::start(t, units(&[1, 1]), 450, now).unwrap_err(),
        WorkflowError::DuplicateUnit
    );
}

#[test]
fn standard_minutes_follow_the_template_and_day_length() {
    let now = local(2026, 11, 23, 8, 0);
    for b in sop_bawaan() {
        let t = b.muat().unwrap();
        let c = Cycle::start(t.clone(), units(&[1]), 420, now).unwrap();
        let first = &c.visits[0];
        assert_eq!(first.standard_minutes, t.langkah[0].waktu.menit_kerja(420));
    }
}

/// The verdict of every finished visit, and the late steps of Beranda.
fn verdicts(
    s: &perkin::store::Store,
    now: chrono::DateTime<chrono::Utc>,
) -> (Vec<String>, Vec<(String, u32)>) {
    let kal = s.calendar().unwrap();
    let mut out = Vec::new();
    for c in s.cycles().unwrap() {
        let cycle = s.load_cycle(c.id).unwrap();
        for v in cycle.visits.iter().filter(|v| v.finished_at.is_some()) {
            out.push(format!("{}:{} {}", c.id, v.seq, v.vonis(&kal, now).label()));
        }
    }
    let view = perkin::app::ViewData::load(s, 2027, now);
    let late = view
        .timeliness
        .iter()
        .map(|t| (format!("{} {}", t.template, t.step_no), t.late))
        .collect();
    (out, late)
}

#[test]
fn a_finished_task_keeps_its_verdict_when_the_calendar_changes_later() {
    use perkin::model::worktime::{HariLibur, JenisLibur};
    let dir = crate::common::tmp();
    let now = crate::common::local(2026, 12, 4, 10, 0);
    let mut s = crate::common::demo_store(dir.path(), now);
    let (before, late_before) = verdicts(&s, now);
    assert!(before.iter().any(|v| v.contains("Terlambat")), "{before:?}");
    // Friday now closes at 23:59, and every day a visit ran in becomes a
    // holiday.
    let mut jam = s.calendar().unwrap().jam;
    let fri = jam[4].as_mut().unwrap();
    fri.tutup = chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap();
    s.set_work_hours(&jam).unwrap();
    let kal = s.calendar().unwrap();
    for c in s.cycles().unwrap() {
        for v in s.load_cycle(c.id).unwrap().visits {
            let day = kal.ke_lokal(v.started_at).date();
            let _ = s.put_holiday(&HariLibur {
                tanggal: day,
                nama: "Libur yang ditetapkan kemudian".into(),
                jenis: JenisLibur::Lokal,
            });
        }
    }
    let (after, late_after) = verdicts(&s, now);
    assert_eq!(after, before, "finished verdicts are history");
    assert_eq!(late_after, late_before, "and so are Beranda's late steps");
}

#[test]
fn a_step_due_in_a_year_without_holidays_is_marked_on_the_flowchart() {
    use perkin::model::workflow::{StepState, states_of};
    let kal = Kalender::bawaan(Zona::Wib);
    let t = template("bkpsdm-90-2023");
    for (now, marked) in [
        (local(2027, 3, 1, 9, 0), false),
        (local(2028, 3, 1, 9, 0), true),
    ] {
        let c = Cycle::start(t.clone(), units(&[11]), 450, now).unwrap();
        let first = &states_of(&c, &kal, now)[0];
        assert!(
            matches!(first, StepState::Current { tanpa_libur, .. } if *tanpa_libur == marked),
            "{first:?}"
        );
        let note = perkin::ui::flow::layout::node_note(first, false).unwrap();
        assert_eq!(note.contains("tanpa\u{a0}libur"), marked, "{note}");
    }
}
