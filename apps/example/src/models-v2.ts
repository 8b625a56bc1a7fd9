/**
 * The next version of the models: users gain an optional `phone`. The example journey runs
 * `justscale migrate make add_phone_to_users --models src/models-v2.ts` to generate the migration.
 */
import { defineModel, field } from '@justscale/models';
import { PgOrder, PgProduct, PgUser as PgUserV1, UserStatus } from './models.js';

export { PgOrder, PgProduct, UserStatus };

export const PgUser = defineModel('users', {
  ...PgUserV1.fields,
  phone: field.string().max(32).optional(),
});
