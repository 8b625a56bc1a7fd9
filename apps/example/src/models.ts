import { defineEnum, defineModel, field } from '@justscale/models';

/** The models of the example shop. `justscale migrate make` diffs them against the database. */

export const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);

export const PgUser = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255).unique(),
  name: field.string().max(200),
  status: field.enum(UserStatus).default('active'),
  createdAt: field.createdAt(),
});

export const PgProduct = defineModel(
  'products',
  {
    id: field.uuid().primaryKey(),
    name: field.string().max(200),
    price: field.decimal(10, 2),
    createdAt: field.createdAt(),
  },
  { checks: [{ name: 'price_positive', expression: 'price > 0' }] },
);

export const PgOrder = defineModel(
  'orders',
  {
    id: field.uuid().primaryKey(),
    customerId: field.uuid().references(PgUser, { onDelete: 'CASCADE' }),
    productId: field.uuid().references(PgProduct),
    quantity: field.integer().default(1),
    createdAt: field.createdAt(),
  },
  { indexes: [{ columns: ['customerId', 'createdAt'] }] },
);
