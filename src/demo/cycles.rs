//! The demo's SOP cycles, each walked part-way through.

use chrono::{DateTime, Duration, Utc};

use super::org::Org;
use super::{TEMPLATE_FANOUT, TEMPLATE_NTT};
use crate::model::id::{CycleId, OfficialId, UnitId, VersionId};
use crate::model::workflow::{Act, Action};
use crate::model::worktime::Kalender;
use crate::store::{Result, Store};

/// One demo action: step no, unit (fan-out tasks), working minutes after the
/// previous action, the action, the official acting, a note.
struct Move {
    step: &'static str,
    unit: Option<UnitId>,
    minutes: u32,
    action: Action,
    who: OfficialId,
    note: &'static str,
}

fn mv(
    step: &'static str,
    unit: Option<UnitId>,
    minutes: u32,
    action: Action,
    who: OfficialId,
    note: &'static str,
) -> Move {
    Move {
        step,
        unit,
        minutes,
        action,
        who,
        note,
    }
}

fn tolak(reason: &str) -> Action {
    Action::Tolak {
        reason: reason.into(),
    }
}

/// The latest morning from which the moves end at least an hour before
/// `now`, so the open tasks of the demo are recent, not weeks overdue.
fn start_for(kal: &Kalender, now: DateTime<Utc>, moves: &[Move]) -> DateTime<Utc> {
    let morning = |days: i64| {
        let day = kal.ke_lokal(now - Duration::days(days)).date();
        kal.buka_berikut(kal.dari_lokal(day.and_hms_opt(0, 0, 0).unwrap_or_default()))
    };
    let end = |start| {
        moves
            .iter()
            .fold(start, |t, m| kal.tambah_menit_kerja(t, m.minutes))
    };
    (1..=90)
        .map(morning)
        .find(|&s| end(s) <= now - Duration::hours(1))
        .unwrap_or_else(|| morning(90))
}

/// Starts a cycle and walks it through `moves`, each act `minutes` working
/// minutes after the previous one.
fn run_cycle(
    store: &mut Store,
    kal: &Kalender,
    (template, nama, tahun): (&str, &str, i32),
    units: &[(UnitId, Option<VersionId>)],
    moves: &[Move],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let mut at = start_for(kal, now, moves);
    let id = store.start_cycle(template, nama, tahun, units, at)?;
    let names = store.officials()?;
    for m in moves {
        let cycle = store.load_cycle(id)?;
        let seq = cycle.find_task(m.step, m.unit)?.seq;
        at = kal.tambah_menit_kerja(at, m.minutes);
        store.act(
            id,
            seq,
            &Act {
                action: m.action.clone(),
                performer_id: Some(m.who),
                performer: names
                    .iter()
                    .find(|o| o.id == m.who)
                    .map(|o| o.nama_lengkap())
                    .unwrap_or_default(),
                note: m.note.to_string(),
                now: at,
            },
        )?;
    }
    Ok(id)
}

/// Seed 000 for the Sekretariat and the three Bidang: step 2 late, one unit's
/// form rejected at step 3 and redone; two units still to check at step 3.
pub(super) fn cycle_fanout(
    store: &mut Store,
    kal: &Kalender,
    tahun: i32,
    org: &Org,
    versions: &[(UnitId, VersionId)],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let units: Vec<(UnitId, Option<VersionId>)> = std::iter::once(org.sekretariat)
        .chain(org.bidang.iter().copied())
        .map(|u| (u, versions.iter().find(|v| v.0 == u).map(|v| v.1)))
        .collect();
    let officials = store.officials()?;
    let head = |u: UnitId| {
        officials
            .iter()
            .find(|o| o.unit_id == Some(u))
            .map_or(OfficialId(0), |o| o.id)
    };
    let moves = [
        mv(
            "1",
            None,
            4,
            Action::Selesai,
            org.kasubag_pkp,
            "Penugasan lisan kepada staf perencanaan",
        ),
        // 1 hari standard; done after 1 hari 2 jam: late.
        mv(
            "2",
            None,
            570,
            Action::Selesai,
            org.staf,
            "Form dikirim ke setiap bidang dan sekretariat",
        ),
        mv("3", Some(units[0].0), 8, Action::Ya, head(units[0].0), ""),
        mv("3", Some(units[1].0), 9, Action::Ya, head(units[1].0), ""),
        mv(
            "3",
            Some(units[2].0),
            25,
            tolak("Target indikator belum sesuai dengan Renstra"),
            head(units[2].0),
            "",
        ),
        mv(
            "2",
            Some(units[2].0),
            200,
            Action::Selesai,
            org.staf,
            "Target disesuaikan",
        ),
    ];
    let nama = format!("Penyusunan PK Tahun {tahun}");
    run_cycle(
        store,
        kal,
        (TEMPLATE_FANOUT, &nama, tahun),
        &units,
        &moves,
        now,
    )
}

/// Seed 002 for the head of the agency: step 3 late, a Tolak at the
/// Sekretaris' check (step 6), the draft redone, step 6 open again.
pub(super) fn cycle_ntt(
    store: &mut Store,
    kal: &Kalender,
    tahun: i32,
    org: &Org,
    versions: &[(UnitId, VersionId)],
    now: DateTime<Utc>,
) -> Result<CycleId> {
    let badan_version = versions.iter().find(|v| v.0 == org.badan).map(|v| v.1);
    let moves = [
        mv(
            "1",
            None,
            8,
            Action::Selesai,
            org.kepala,
            "Disposisi kepada Sekretaris",
        ),
        mv(
            "2",
            None,
            25,
            Action::Selesai,
            org.sekretaris,
            "ST Tim Kerja terbit",
        ),
        // 5 hari standard; done after 5 hari 3 jam: late.
        mv(
            "3",
            None,
            5 * 450 + 180,
            Action::Selesai,
            org.staf,
            "Konsep PK selesai",
        ),
        mv(
            "4",
            None,
            110,
            Action::Selesai,
            org.sekretaris,
            "Rapat pembahasan konsep",
        ),
        mv(
            "5",
            None,
            400,
            Action::Selesai,
            org.staf,
            "Draf disampaikan ke Sekretaris",
        ),
        mv(
            "6",
            None,
            45,
            tolak("Indikator sasaran 2 belum selaras dengan IKU"),
            org.sekretaris,
            "",
        ),
        mv("5", None, 300, Action::Selesai, org.staf, "Draf diperbaiki"),
    ];
    let nama = format!("Penyusunan PK Kepala Badan Tahun {tahun}");
    run_cycle(
        store,
        kal,
        (TEMPLATE_NTT, &nama, tahun),
        &[(org.badan, badan_version)],
        &moves,
        now,
    )
}
