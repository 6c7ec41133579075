import type { Database } from '../../db/database.js';
import { forUpdate } from '../../db/dialect.js';

export interface PayerColumns {
  payer_organisation: string;
  payer_cvr: string | null;
  payer_ean: string | null;
  payer_person_reference: string | null;
  payer_po_number: string | null;
  payer_address: string;
  payer_postal_code: string;
  payer_city: string;
  payer_country_code: string;
  payer_email: string;
}

/** The payer of a registration, locked for the rest of the transaction. */
export async function payerOfRegistration(trx: Database, registrationId: number) {
  return forUpdate(
    trx,
    trx
      .selectFrom('registrations')
      .select([
        'payer_organisation',
        'payer_cvr',
        'payer_ean',
        'payer_person_reference',
        'payer_po_number',
        'payer_address',
        'payer_postal_code',
        'payer_city',
        'payer_country_code',
        'payer_email',
        'updated_at',
      ])
      .where('id', '=', registrationId),
  ).executeTakeFirst();
}

export async function setPayer(trx: Database, registrationId: number, payer: PayerColumns, at: string): Promise<void> {
  await trx
    .updateTable('registrations')
    .set({ ...payer, updated_at: at })
    .where('id', '=', registrationId)
    .execute();
}
