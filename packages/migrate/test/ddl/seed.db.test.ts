import { introspect } from '@justscale/introspect';
import { field } from '@justscale/models';
import { afterEach, describe, expect, it } from 'vitest';
import { columnsOf, constraintsOf, type DdlFixture, ddlFixture, enumValues, indexesOf } from './helpers.js';

// The seed's Database API examples, as written, on a real PostgreSQL.

const open: DdlFixture[] = [];
async function fixture(): Promise<DdlFixture> {
  const f = await ddlFixture();
  open.push(f);
  return f;
}
afterEach(async () => {
  for (const f of open.splice(0)) await f.test.close();
});

async function users(f: DdlFixture): Promise<void> {
  await f.db.createTable('users', { id: field.uuid().primaryKey(), email: field.string().max(255) });
}

describe('the seed migration file (posts)', () => {
  it('creates posts with snake_case columns, the foreign key and the index under PostgreSQL names', async () => {
    const f = await fixture();
    await users(f);
    const { db } = f;
    // verbatim from the seed's "Migration Files"
    await db.createTable('posts', {
      id: field.uuid().primaryKey(),
      title: field.string().max(200),
      content: field.text().optional(),
      authorId: field.uuid(),
      publishedAt: field.timestamp().optional(),
      createdAt: field.createdAt(),
    });
    await db.addForeignKey('posts', 'authorId', { table: 'users', column: 'id' }, { onDelete: 'CASCADE' });
    await db.createIndex('posts', ['authorId']);

    expect(await columnsOf(f.driver, 'posts')).toEqual([
      'id uuid not null default gen_random_uuid()',
      'title character varying(200) not null',
      'content text',
      'author_id uuid not null',
      'published_at timestamp with time zone',
      'created_at timestamp with time zone not null default now()',
    ]);
    expect(await constraintsOf(f.driver, 'posts')).toEqual([
      'posts_author_id_fkey: FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE',
      'posts_pkey: PRIMARY KEY (id)',
    ]);
    expect(await indexesOf(f.driver, 'posts')).toEqual([
      'CREATE INDEX posts_author_id_idx ON public.posts USING btree (author_id)',
      'CREATE UNIQUE INDEX posts_pkey ON public.posts USING btree (id)',
    ]);

    // down
    await db.dropTable('posts');
    expect(await db.hasTable('posts')).toBe(false);
  });

  it('gives the same schema whether the columns are written authorId or author_id', async () => {
    const camel = await fixture();
    const snake = await fixture();
    for (const f of [camel, snake]) await users(f);
    await camel.db.createTable('posts', {
      id: field.uuid().primaryKey(),
      authorId: field.uuid(),
      publishedAt: field.timestamp().optional(),
      createdAt: field.createdAt(),
    });
    await camel.db.addForeignKey(
      'posts',
      'authorId',
      { table: 'users', column: 'id' },
      { onDelete: 'CASCADE' },
    );
    await camel.db.createIndex('posts', ['authorId']);
    await snake.db.createTable('posts', {
      id: field.uuid().primaryKey(),
      author_id: field.uuid(),
      published_at: field.timestamp().optional(),
      created_at: field.createdAt(),
    });
    await snake.db.addForeignKey(
      'posts',
      'author_id',
      { table: 'users', column: 'id' },
      { onDelete: 'CASCADE' },
    );
    await snake.db.createIndex('posts', ['author_id']);
    const a = await introspect(camel.driver, { schemas: ['public'] });
    const b = await introspect(snake.driver, { schemas: ['public'] });
    expect(a.tables.find((t) => t.name === 'posts')?.columns.map((c) => c.name)).toEqual([
      'id',
      'author_id',
      'published_at',
      'created_at',
    ]);
    expect(a).toEqual(b);
  });
});

describe('the seed Table Operations', () => {
  it('runs createTable, alterTable, renameTable, hasTable and dropTable as written', async () => {
    const f = await fixture();
    const { db } = f;
    // verbatim
    await db.createTable('products', {
      id: field.uuid().primaryKey(),
      name: field.string().max(200),
      price: field.decimal(10, 2),
    });
    expect(await columnsOf(f.driver, 'products')).toEqual([
      'id uuid not null default gen_random_uuid()',
      'name character varying(200) not null',
      'price numeric(10,2) not null',
    ]);
    // the columns the alterTable example changes
    await db.raw(
      'ALTER TABLE products ADD COLUMN legacy_field text, ADD COLUMN old_name text, ADD COLUMN required_field text, ADD COLUMN optional_field text NOT NULL, ADD COLUMN status text',
    );
    // verbatim
    await db.alterTable('products', (table) => {
      table.addColumn('sku', field.string().max(50).unique());
      table.dropColumn('legacy_field');
      table.renameColumn('old_name', 'new_name');
      table.setNotNull('required_field');
      table.setNullable('optional_field');
      table.setDefault('status', "'active'");
      table.dropDefault('status');
    });
    expect(await columnsOf(f.driver, 'products')).toEqual([
      'id uuid not null default gen_random_uuid()',
      'name character varying(200) not null',
      'price numeric(10,2) not null',
      'new_name text',
      'required_field text not null',
      'optional_field text',
      'status text',
      'sku character varying(50) not null',
    ]);
    expect(await constraintsOf(f.driver, 'products')).toContain('products_sku_key: UNIQUE (sku)');

    await db.raw('CREATE TABLE old_name (id int)');
    // verbatim
    await db.renameTable('old_name', 'new_name');
    expect(await db.hasTable('new_name')).toBe(true);
    expect(await db.hasTable('old_name')).toBe(false);
    // verbatim
    if (await db.hasTable('products')) {
      await db.dropTable('products');
    }
    expect(await db.hasTable('products')).toBe(false);
  });
});

describe('the seed Index Operations', () => {
  it('creates every index of the example and drops idx_users_email', async () => {
    const f = await fixture();
    const { db } = f;
    await db.raw(`CREATE TABLE users (email text, username text, status text);
      CREATE TABLE orders (customer_id int, created_at timestamptz);
      CREATE TABLE documents (metadata jsonb)`);
    // verbatim
    await db.createIndex('users', 'email');
    await db.createIndex('orders', ['customer_id', 'created_at']);
    await db.createIndex('users', 'username', { unique: true });
    await db.createIndex('users', 'email', {
      where: "status = 'active'",
    });
    await db.createIndex('documents', 'metadata', { using: 'gin' });
    expect(await indexesOf(f.driver, 'users')).toEqual([
      'CREATE INDEX users_email_idx ON public.users USING btree (email)',
      "CREATE INDEX users_email_idx1 ON public.users USING btree (email) WHERE (status = 'active'::text)",
      'CREATE UNIQUE INDEX users_username_idx ON public.users USING btree (username)',
    ]);
    expect(await indexesOf(f.driver, 'orders')).toEqual([
      'CREATE INDEX orders_customer_id_created_at_idx ON public.orders USING btree (customer_id, created_at)',
    ]);
    expect(await indexesOf(f.driver, 'documents')).toEqual([
      'CREATE INDEX documents_metadata_idx ON public.documents USING gin (metadata)',
    ]);
    // verbatim: the plain index on users(email), whose PostgreSQL name is users_email_idx
    await db.dropIndex('idx_users_email');
    expect(await indexesOf(f.driver, 'users')).toEqual([
      "CREATE INDEX users_email_idx1 ON public.users USING btree (email) WHERE (status = 'active'::text)",
      'CREATE UNIQUE INDEX users_username_idx ON public.users USING btree (username)',
    ]);
  });
});

describe('the seed Foreign Keys', () => {
  it('adds posts.author_id → users.id and drops it as fk_posts_author_id', async () => {
    const f = await fixture();
    const { db } = f;
    await users(f);
    await db.createTable('posts', { id: field.uuid().primaryKey(), authorId: field.uuid() });
    // verbatim
    await db.addForeignKey(
      'posts',
      'author_id',
      { table: 'users', column: 'id' },
      { onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
    );
    expect(await constraintsOf(f.driver, 'posts')).toContain(
      'posts_author_id_fkey: FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE',
    );
    // verbatim
    await db.dropForeignKey('posts', 'fk_posts_author_id');
    expect(await constraintsOf(f.driver, 'posts')).toEqual(['posts_pkey: PRIMARY KEY (id)']);
  });

  it.each(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'] as const)(
    'supports ON DELETE / ON UPDATE %s',
    async (action) => {
      const f = await fixture();
      await users(f);
      await f.db.createTable('posts', { id: field.uuid().primaryKey(), authorId: field.uuid().optional() });
      await f.db.addForeignKey(
        'posts',
        'authorId',
        { table: 'users', column: 'id' },
        { onDelete: action, onUpdate: action },
      );
      const [fk] = await constraintsOf(f.driver, 'posts');
      const clause = (what: string) => (action === 'NO ACTION' ? '' : ` ON ${what} ${action}`);
      expect(fk).toBe(
        `posts_author_id_fkey: FOREIGN KEY (author_id) REFERENCES users(id)${clause('UPDATE')}${clause('DELETE')}`,
      );
    },
  );
});

describe('the seed Enum Types', () => {
  it('creates UserStatus, adds banned and pending where asked, and drops it', async () => {
    const f = await fixture();
    const { db } = f;
    // verbatim
    await db.createType('UserStatus', ['active', 'inactive', 'suspended']);
    await db.addTypeValue('UserStatus', 'banned', {
      after: 'suspended',
    });
    await db.addTypeValue('UserStatus', 'pending', {
      before: 'active',
    });
    expect(await enumValues(f.driver, 'UserStatus')).toEqual([
      'pending',
      'active',
      'inactive',
      'suspended',
      'banned',
    ]);
    await db.dropType('UserStatus');
    expect(await enumValues(f.driver, 'UserStatus')).toBeNull();
    await db.dropTypeIfExists('UserStatus');
  });
});

describe('the seed Constraints', () => {
  it('adds and drops unique and check constraints as written', async () => {
    const f = await fixture();
    const { db } = f;
    await db.raw(
      'CREATE TABLE users (email text); CREATE TABLE products (vendor_id int, sku text, price numeric)',
    );
    // verbatim
    await db.addUnique('users', 'email');
    await db.addUnique('products', ['vendor_id', 'sku'], 'unique_vendor_sku');
    expect(await constraintsOf(f.driver, 'users')).toEqual(['users_email_key: UNIQUE (email)']);
    // verbatim
    await db.dropUnique('users', 'users_email_key');
    await db.addCheck('products', 'price_positive', 'price > 0');
    expect(await constraintsOf(f.driver, 'users')).toEqual([]);
    expect(await constraintsOf(f.driver, 'products')).toEqual([
      'price_positive: CHECK ((price > (0)::numeric))',
      'unique_vendor_sku: UNIQUE (vendor_id, sku)',
    ]);
    // verbatim
    await db.dropCheck('products', 'price_positive');
    expect(await constraintsOf(f.driver, 'products')).toEqual(['unique_vendor_sku: UNIQUE (vendor_id, sku)']);
  });
});
