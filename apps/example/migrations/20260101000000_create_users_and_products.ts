// Hand-written with the Database API: the enum, users and products.
import { defineMigration } from '@justscale/migrate';
import { defineEnum, field } from '@justscale/models';

// The enum as it was when this migration was written (migrations never import today's models).
const UserStatus = defineEnum('UserStatus', ['active', 'inactive', 'suspended']);

export default defineMigration({
  async up({ db }) {
    await db.createType('UserStatus', ['active', 'inactive', 'suspended']);
    await db.createTable('users', {
      id: field.uuid().primaryKey(),
      email: field.string().max(255).unique(),
      name: field.string().max(200),
      status: field.enum(UserStatus).default('active'),
      createdAt: field.createdAt(),
    });
    await db.createTable('products', {
      id: field.uuid().primaryKey(),
      name: field.string().max(200),
      price: field.decimal(10, 2),
      createdAt: field.createdAt(),
    });
    await db.addCheck('products', 'price_positive', 'price > 0');
  },
  async down({ db }) {
    await db.dropTable('products');
    await db.dropTable('users');
    await db.dropType('UserStatus');
  },
});
