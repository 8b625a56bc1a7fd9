import { defineEnum, defineModel, field, sql } from '@justscale/models';

// The seed's Auto-Generation models, and a second version of them.

export const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);

export const PgUser = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255).unique(),
  name: field.text().optional(),
  status: field.enum(UserStatus).default('active'),
  legacyCode: field.string().max(20).optional(),
  createdAt: field.createdAt(),
});

export const PgProduct = defineModel(
  'products',
  {
    id: field.uuid().primaryKey(),
    name: field.string().max(200),
    price: field.decimal(10, 2).check(sql`price > 0`),
    metadata: field.jsonb().optional(),
  },
  { indexes: [{ columns: ['metadata'], method: 'gin' }] },
);

export const PgOrder = defineModel('orders', {
  id: field.uuid().primaryKey(),
  customerId: field.uuid().references(PgUser, { onDelete: 'CASCADE' }),
  productId: field.uuid().references(PgProduct),
  quantity: field.integer().default(1),
  createdAt: field.createdAt(),
});

/** Version 2: a column added, one dropped, a type widened, an index and a table added, a default changed. */
export const PgUser2 = defineModel(
  'users',
  {
    id: field.uuid().primaryKey(),
    email: field.string().max(320).unique(),
    name: field.text(),
    status: field.enum(UserStatus).default('inactive'),
    avatarUrl: field.text().optional(),
    createdAt: field.createdAt(),
  },
  { indexes: [{ columns: ['status'], where: "status = 'active'" }] },
);

export const PgHostile = defineModel('Mixed Case', {
  id: field.integer().identity().primaryKey(),
  quoted: field.text().column('a"b').optional(),
  select: field.integer().default(0).index(),
});
