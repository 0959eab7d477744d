//! Crash safety: a child process writing in a loop is killed with SIGKILL;
//! on reopening, the integrity check passes and every write the child
//! reported committed is there, whole.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use perkin::model::worktime::{HariLibur, JenisLibur};
use perkin::store::{NewAgreement, NewLine, NewUnit, Store};

use crate::common::tmp;

const CHILD_ENV: &str = "PERKIN_CRASH_CHILD_DB";
const LINES_PER_AGREEMENT: usize = 30;

/// Not a test of its own: the body of the child process that the crash test
/// starts (this same test binary, filtered to this function, with the
/// database path in the environment). Without that variable it does nothing.
#[test]
fn crash_child_process() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(std::path::Path::new(&path)).unwrap();
    let unit = store
        .add_unit(&NewUnit {
            parent_id: None,
            kode: String::new(),
            nama: "Unit Uji".into(),
            jenis: perkin::model::org::JenisUnit::Badan,
            eselon: perkin::model::org::Eselon::II,
            urutan: 0,
        })
        .unwrap();
    let stdout = std::io::stdout();
    let start = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    for n in 0..100_000u32 {
        if n % 2 == 0 {
            store
                .put_holiday(&HariLibur {
                    tanggal: start + chrono::Duration::days(n as i64),
                    nama: format!("Uji {n}"),
                    jenis: JenisLibur::Lokal,
                })
                .unwrap();
        } else {
            store
                .create_agreement(&NewAgreement {
                    tahun: 3000 + n as i32,
                    unit_id: unit,
                    jenis: "kepala".into(),
                    nomor: format!("PK {n}"),
                    tempat: String::new(),
                    tanggal: None,
                    pihak_pertama: None,
                    pihak_kedua: None,
                    pihak_kedua_manual: None,
                    lines: (0..LINES_PER_AGREEMENT)
                        .map(|k| NewLine {
                            sasaran: format!("Sasaran {k}"),
                            indikator: format!("Indikator {n}.{k} {}", "x".repeat(200)),
                            satuan: "%".into(),
                            target: "100".into(),
                            ..Default::default()
                        })
                        .collect(),
                    budget: vec![],
                })
                .unwrap();
        }
        // Reported only after the commit returned.
        let mut out = stdout.lock();
        writeln!(out, "KOMIT {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_while_writing_loses_no_committed_write() {
    let dir = tmp();
    for (round, kill_after) in [7usize, 40, 113, 260].into_iter().enumerate() {
        // Each round on its own file: holiday dates and agreement years repeat.
        let path = dir.path().join(format!("putaran-{round}.db"));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::crash_child_process",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut committed = Vec::new();
        let reader = BufReader::new(child.stdout.take().unwrap());
        for line in reader.lines() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("KOMIT ") {
                committed.push(n.trim().parse::<u32>().unwrap());
                if committed.len() >= kill_after {
                    break;
                }
            }
        }
        // std's kill is SIGKILL on Unix: no chance to clean up.
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(
            committed.len() >= kill_after,
            "round {round}: the child stopped early"
        );

        let store = Store::open(&path).unwrap();
        assert!(
            store.check().unwrap().is_empty(),
            "round {round}: {:?}",
            store.check()
        );
        let conn = store.conn();
        for n in &committed {
            if n % 2 == 0 {
                let found: i64 = conn
                    .query_row(
                        "SELECT count(*) FROM holiday WHERE nama = ?1",
                        [format!("Uji {n}")],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(found, 1, "round {round}: committed holiday {n} lost");
            } else {
                let lines: i64 = conn
                    .query_row(
                        "SELECT count(*) FROM agreement_line l JOIN agreement_version v ON v.id = l.version_id
                         JOIN agreement a ON a.id = v.agreement_id WHERE a.tahun = ?1",
                        [3000 + *n as i64],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(
                    lines as usize, LINES_PER_AGREEMENT,
                    "round {round}: agreement {n}"
                );
            }
        }
        // Nothing half-written: every agreement present has all its lines.
        let partial: i64 = conn
            .query_row(
                "SELECT count(*) FROM agreement_version v WHERE
                 (SELECT count(*) FROM agreement_line l WHERE l.version_id = v.id) <> ?1",
                [LINES_PER_AGREEMENT as i64],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(partial, 0);
    }
}
