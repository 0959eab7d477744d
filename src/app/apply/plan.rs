//! Renstra, Renja and their .xlsx workbook.

use super::{Applied, refused, started, stored};
use crate::app::{App, Changed, Created, ExchangeCmd, RenjaCmd, RenstraCmd, Reply};

impl App {
    pub(super) fn apply_renstra(&mut self, c: RenstraCmd) -> Applied {
        let s = &mut self.store;
        match c {
            RenstraCmd::AddPeriod {
                tahun_awal,
                tahun_akhir,
                nama,
            } => stored(
                s.add_renstra_period(tahun_awal, tahun_akhir, &nama),
                Changed::Data,
                |id| {
                    let m = format!("Periode Renstra {tahun_awal}–{tahun_akhir} dibuat");
                    Reply::created(m, Created::Period(id))
                },
            ),
            RenstraCmd::AddTujuan {
                period,
                kode,
                uraian,
            } => stored(s.add_tujuan(period, &kode, &uraian), Changed::Data, |id| {
                Reply::created("Tujuan ditambahkan", Created::Tujuan(id))
            }),
            RenstraCmd::UpdateTujuan { id, kode, uraian } => {
                stored(s.update_tujuan(id, &kode, &uraian), Changed::Data, |_| {
                    Reply::ok("Tujuan disimpan")
                })
            }
            RenstraCmd::AddSasaran {
                tujuan,
                kode,
                uraian,
            } => stored(s.add_sasaran(tujuan, &kode, &uraian), Changed::Data, |id| {
                Reply::created("Sasaran ditambahkan", Created::Sasaran(id))
            }),
            RenstraCmd::UpdateSasaran { id, kode, uraian } => {
                stored(s.update_sasaran(id, &kode, &uraian), Changed::Data, |_| {
                    Reply::ok("Sasaran disimpan")
                })
            }
            RenstraCmd::AddIndikator { indikator } => {
                stored(s.add_indikator(&indikator), Changed::Data, |id| {
                    let m = format!("Indikator {} ditambahkan", indikator.nama.trim());
                    Reply::created(m, Created::Indikator(id))
                })
            }
            RenstraCmd::UpdateIndikator { id, indikator } => {
                stored(s.update_indikator(id, &indikator), Changed::Data, |_| {
                    Reply::ok(format!("Indikator {} disimpan", indikator.nama.trim()))
                })
            }
            RenstraCmd::Delete { node } => stored(s.delete_renstra(node), Changed::Data, |_| {
                Reply::ok("Dihapus dari Renstra")
            }),
            RenstraCmd::Move { node, up } => {
                stored(s.move_renstra(node, up), Changed::Data, |_| {
                    Reply::ok(if up {
                        "Dipindah ke atas"
                    } else {
                        "Dipindah ke bawah"
                    })
                })
            }
            RenstraCmd::SetTargets { changes } => {
                stored(s.set_targets(&changes), Changed::Data, |n| {
                    Reply::ok(format!("{n} target disimpan"))
                })
            }
        }
    }

    pub(super) fn apply_renja(&mut self, c: RenjaCmd) -> Applied {
        let s = &mut self.store;
        match c {
            RenjaCmd::SetYear {
                tahun,
                nomor_dpa,
                tanggal_dpa,
            } => stored(
                s.set_renja_year(tahun, &nomor_dpa, tanggal_dpa),
                Changed::Data,
                |_| Reply::ok(format!("Data DPA {tahun} disimpan")),
            ),
            RenjaCmd::SaveItem {
                id,
                item,
                indikator,
            } => stored(
                s.save_renja_item(id, &item, &indikator),
                Changed::Data,
                |id| {
                    let m = format!("{} {} disimpan", item.kode.trim(), item.nama.trim());
                    Reply::created(m, Created::RenjaItem(id))
                },
            ),
            RenjaCmd::DeleteItem { id } => stored(s.delete_renja_item(id), Changed::Data, |_| {
                Reply::ok("Dihapus dari Renja")
            }),
        }
    }

    pub(super) fn apply_exchange(&mut self, c: ExchangeCmd) -> Applied {
        let wake = self.waker.clone();
        match c {
            ExchangeCmd::Export { path } => {
                started(self.exchange.export(&self.store, self.year, path, wake))
            }
            ExchangeCmd::SaveTemplate { path } => {
                let periode = self
                    .view
                    .renstra
                    .as_ref()
                    .map_or((self.year, self.year + 4), |(p, _)| {
                        (p.tahun_awal, p.tahun_akhir)
                    });
                started(self.exchange.template(periode, self.year, path, wake))
            }
            ExchangeCmd::Read { path } => started(self.exchange.read(path, wake)),
            ExchangeCmd::ConfirmImport => match self.exchange.confirm(&mut self.store) {
                Ok(m) => (Reply::ok(m), Changed::Data),
                Err(e) => refused(e),
            },
            ExchangeCmd::CloseImport => {
                self.exchange.close();
                (Reply::ok(""), Changed::Nothing)
            }
        }
    }
}
