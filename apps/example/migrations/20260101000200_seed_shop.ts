// A seeder: idempotent (it checks first), using the Database API's data methods.
import { defineMigration } from '@justscale/migrate';

export default defineMigration({
  async up({ db }) {
    if (await db.exists('users', { email: 'admin@example.com' })) return;

    const admin = await db.insert<{ id: string }>('users', {
      email: 'admin@example.com',
      name: 'Admin User',
      status: 'active',
    });
    const [productA, productB] = await db.insertMany<{ id: string }>('products', [
      { name: 'Product A', price: '19.99' },
      { name: 'Product B', price: '29.99' },
    ]);
    await db.insertMany('orders', [
      { customerId: admin.id, productId: productA!.id, quantity: 2 },
      { customerId: admin.id, productId: productB!.id },
    ]);
  },
  async down({ db }) {
    // Orders go with their customer (ON DELETE CASCADE).
    await db.delete('users', { email: 'admin@example.com' });
    await db.delete('products', { name: 'Product A' });
    await db.delete('products', { name: 'Product B' });
  },
});
