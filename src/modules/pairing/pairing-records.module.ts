import { Module } from '@nestjs/common';
import { PairingRecords } from './pairing-records.service';
import { PairingRepository } from './pairing.repository';

/** Pairing visits, as other features' documents (the alliance's ledger) record them. */
@Module({ providers: [PairingRecords, PairingRepository], exports: [PairingRecords] })
export class PairingRecordsModule {}
