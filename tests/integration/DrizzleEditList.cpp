#include "DrizzleEditList.h"

namespace strata::test {

namespace {

// Inserts `line` as the first item of a table's extra-config array, `(u) => [` for users,
// `(p) => [` for posts (the base schema's spelling).
SchemaTextChange addToTable(const QString &parameter, const QString &line)
{
    const QString opening = QStringLiteral("  (%1) => [\n").arg(parameter);
    return {opening, opening + QStringLiteral("    ") + line + QLatin1Char('\n')};
}

SchemaTextChange removeLine(const QString &line)
{
    return {QStringLiteral("    ") + line + QLatin1Char('\n'), QString()};
}

SchemaTextChange append(const QString &text)
{
    return {QString(), text};
}

// drizzle-kit cannot drop a single-column primary key: its
// PgAlterTableAlterColumnDropPrimaryKeyConvertor writes this comment, verbatim (trailing
// spaces included), with the statement itself commented out.
// A foreign key into a renamed or moved table or schema: drizzle-kit drops and adds it again
// (re-validating every row), Strata leaves it, as PostgreSQL keeps it pointing at its table.
QList<IntendedDifference> keptForeignKey(const QString &drop, const QString &add)
{
    const QString reason = QStringLiteral("a foreign key into a renamed table or schema is left alone (DdlWriter.h)");
    return {{drop, QString(), reason, true, {}}, {add, QString(), reason, true, {}}};
}

// A renamed table: Strata also renames its column key and serial sequence, which PostgreSQL
// would leave under the old table's name (DdlWriter.h).
IntendedDifference renamedTableNames(const QString &from, const QString &to)
{
    IntendedDifference difference;
    difference.drizzle = QStringLiteral("ALTER TABLE \"%1\" RENAME TO \"%2\";").arg(from, to);
    difference.strata = difference.drizzle;
    difference.strataAfter = {
        QStringLiteral("ALTER TABLE \"%2\" RENAME CONSTRAINT \"%1_pkey\" TO \"%2_pkey\";").arg(from, to),
        QStringLiteral("ALTER SEQUENCE \"public\".\"%1_id_seq\" RENAME TO \"%2_id_seq\";").arg(from, to)};
    difference.reason = QStringLiteral("a renamed table's key and serial sequence are renamed with it (DdlWriter.h)");
    difference.drizzleApplies = false;
    return difference;
}

IntendedDifference primaryKeyDrop(const QString &table)
{
    return {QStringLiteral("/* \n"
                           "    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.\n"
                           "    We are working on making it available!\n"
                           "\n"
                           "    Meanwhile you can:\n"
                           "        1. Check pk name in your database, by running\n"
                           "            SELECT constraint_name FROM information_schema.table_constraints\n"
                           "            WHERE table_schema = 'public'\n"
                           "                AND table_name = '%1'\n"
                           "                AND constraint_type = 'PRIMARY KEY';\n"
                           "        2. Uncomment code below and paste pk name manually\n"
                           "        \n"
                           "    Hope to release this update as soon as possible\n"
                           "*/\n"
                           "\n"
                           "-- ALTER TABLE \"%1\" DROP CONSTRAINT \"<constraint_name>\";")
                .arg(table),
            QStringLiteral("ALTER TABLE \"%1\" DROP CONSTRAINT \"%1_pkey\";").arg(table),
            QStringLiteral("DdlWriter.h: a single-column primary key is dropped by its name, <table>_pkey, "
                           "where drizzle-kit writes a comment asking the user to do it"),
            false, {}};
}

} // namespace

QList<DrizzleEdit> drizzleEdits()
{
    QList<DrizzleEdit> edits;
    const auto edit = [&edits](const QString &tag, const QList<SchemaTextChange> &changes) -> DrizzleEdit & {
        edits.append({tag, changes, {}, {}, {}, {}});
        return edits.last();
    };
    edit(QStringLiteral("base_schema"), {});

    // Tables and columns.
    edit(QStringLiteral("create_table"), {append(QStringLiteral(R"ts(
export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  label: text('label').notNull(),
});
)ts"))});
    edit(QStringLiteral("add_nullable_column"),
         {{QStringLiteral("    age: integer('age'),\n"), QStringLiteral("    age: integer('age'),\n    bio: text('bio'),\n")}});
    edit(QStringLiteral("add_not_null_column_with_default"),
         {{QStringLiteral("    status: text('status').default('draft'),\n"),
           QStringLiteral("    status: text('status').default('draft'),\n"
                          "    views: integer('views').notNull().default(0),\n")}});
    edit(QStringLiteral("drop_column"), {removeLine(QStringLiteral("age: integer('age'),"))});
    {
        DrizzleEdit &e = edit(QStringLiteral("rename_column"),
                              {{QStringLiteral("name: text('name'),"), QStringLiteral("fullName: text('full_name'),")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("column:users.name=full_name")};
    }
    {
        DrizzleEdit &e = edit(QStringLiteral("rename_table"),
                              {{QStringLiteral("export const tags = pgTable('tags', {"),
                                QStringLiteral("export const labels = pgTable('labels', {")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("table:tags=labels")};
        // Applied to both databases, so that the key drop of drop_primary_key_of_renamed_table
        // finds "labels_pkey" in each.
        e.differences = {renamedTableNames(QStringLiteral("tags"), QStringLiteral("labels"))};
    }
    edit(QStringLiteral("change_column_type"),
         {{QStringLiteral("title: text('title').notNull(),"),
           QStringLiteral("title: varchar('title', { length: 200 }).notNull(),")}});
    edit(QStringLiteral("set_not_null"),
         {{QStringLiteral("fullName: text('full_name'),"), QStringLiteral("fullName: text('full_name').notNull(),")}});
    edit(QStringLiteral("drop_not_null"),
         {{QStringLiteral("title: varchar('title', { length: 200 }).notNull(),"),
           QStringLiteral("title: varchar('title', { length: 200 }),")}});
    edit(QStringLiteral("set_default"), {{QStringLiteral("bio: text('bio'),"), QStringLiteral("bio: text('bio').default(''),")}});
    edit(QStringLiteral("drop_default"),
         {{QStringLiteral("status: text('status').default('draft'),"), QStringLiteral("status: text('status'),")}});
    edit(QStringLiteral("change_default"),
         {{QStringLiteral("views: integer('views').notNull().default(0),"),
           QStringLiteral("views: integer('views').notNull().default(1),")}});

    // Indexes and constraints.
    edit(QStringLiteral("add_unique_index"),
         {addToTable(QStringLiteral("u"), QStringLiteral("uniqueIndex('users_email_idx').on(u.email),"))});
    edit(QStringLiteral("add_multi_column_index"),
         {addToTable(QStringLiteral("p"), QStringLiteral("index('posts_author_status_idx').on(p.authorId, p.status),"))});
    edit(QStringLiteral("add_partial_index"),
         {addToTable(QStringLiteral("p"),
                     QStringLiteral("index('posts_undecided_idx').on(p.authorId).where(sql`${p.status} is null`),"))});
    edit(QStringLiteral("add_foreign_key_on_delete"),
         {addToTable(QStringLiteral("p"),
                     QStringLiteral("foreignKey({ name: 'posts_author_fk', columns: [p.authorId], "
                                    "foreignColumns: [users.id] }).onDelete('cascade'),"))});
    edit(QStringLiteral("add_check"),
         {addToTable(QStringLiteral("u"),
                     QStringLiteral("check('users_email_has_at', sql`position('@' in ${u.email}) > 1`),"))});
    edit(QStringLiteral("add_unique_constraint"),
         {addToTable(QStringLiteral("p"), QStringLiteral("unique('posts_author_title_key').on(p.authorId, p.title),"))});
    edit(QStringLiteral("create_table_composite_primary_key"), {append(QStringLiteral(R"ts(
export const postLabels = pgTable(
  'post_labels',
  {
    postId: integer('post_id').notNull(),
    labelId: integer('label_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.labelId] })],
);
)ts"))});

    // Enums, schemas, identity, sequences, views.
    edit(QStringLiteral("create_enum_and_column"),
         {{QStringLiteral("export const users = pgTable("),
           QStringLiteral("export const mood = pgEnum('mood', ['happy', 'sad']);\n\nexport const users = pgTable(")},
          {QStringLiteral("    bio: text('bio').default(''),\n"),
           QStringLiteral("    bio: text('bio').default(''),\n    mood: mood('mood'),\n")}});
    edit(QStringLiteral("add_enum_value"), {{QStringLiteral("['happy', 'sad']"), QStringLiteral("['happy', 'sad', 'neutral']")}});
    edit(QStringLiteral("add_enum_value_before"),
         {{QStringLiteral("['happy', 'sad', 'neutral']"), QStringLiteral("['ecstatic', 'happy', 'sad', 'neutral']")}});
    edit(QStringLiteral("create_schema_and_table"), {append(QStringLiteral(R"ts(
export const billing = pgSchema('billing');

export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  amount: integer('amount').notNull(),
});
)ts"))});
    edit(QStringLiteral("create_table_identity_column"), {append(QStringLiteral(R"ts(
export const payments = billing.table('payments', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  invoiceId: integer('invoice_id').notNull(),
});
)ts"))});
    edit(QStringLiteral("create_sequence"),
         {append(QStringLiteral("\nexport const invoiceNumbers = pgSequence('invoice_numbers', { startWith: 1000 });\n"))});
    edit(QStringLiteral("alter_sequence"),
         {{QStringLiteral("{ startWith: 1000 }"), QStringLiteral("{ startWith: 1000, increment: 5 }")}});
    edit(QStringLiteral("create_view"), {append(QStringLiteral(R"ts(
export const activeUsers = pgView('active_users', {
  id: integer('id'),
  email: varchar('email', { length: 320 }),
}).as(sql`select "id", "email" from "users" where "bio" <> ''`);
)ts"))});

    // Row-level security.
    edit(QStringLiteral("add_policy"),
         {addToTable(QStringLiteral("p"), QStringLiteral("pgPolicy('posts_read', { for: 'select', using: sql`true` }),"))});
    edit(QStringLiteral("alter_policy"), {{QStringLiteral("using: sql`true`"), QStringLiteral("using: sql`${p.authorId} > 0`")}});

    // Taking things away again.
    edit(QStringLiteral("drop_index"),
         {removeLine(QStringLiteral("index('posts_undecided_idx').on(p.authorId).where(sql`${p.status} is null`),"))});
    edit(QStringLiteral("drop_foreign_key"),
         {removeLine(QStringLiteral("foreignKey({ name: 'posts_author_fk', columns: [p.authorId], "
                                    "foreignColumns: [users.id] }).onDelete('cascade'),"))});
    edit(QStringLiteral("drop_check"),
         {removeLine(QStringLiteral("check('users_email_has_at', sql`position('@' in ${u.email}) > 1`),"))});
    edit(QStringLiteral("drop_unique_constraint"),
         {removeLine(QStringLiteral("unique('posts_author_title_key').on(p.authorId, p.title),"))});
    edit(QStringLiteral("add_column_references"),
         {{QStringLiteral("  label: text('label').notNull(),\n"),
           QStringLiteral("  label: text('label').notNull(),\n"
                          "  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),\n")}});
    edit(QStringLiteral("drop_primary_key"),
         {{QStringLiteral("    id: serial('id').primaryKey(),\n    authorId:"), QStringLiteral("    id: serial('id'),\n    authorId:")}})
        .differences = {primaryKeyDrop(QStringLiteral("posts"))};
    {
        DrizzleEdit &e = edit(QStringLiteral("drop_primary_key_of_renamed_table"),
                              {{QStringLiteral("export const labels = pgTable('labels', {\n  id: serial('id').primaryKey(),"),
                                QStringLiteral("export const labels = pgTable('labels', {\n  id: serial('id'),")}});
        e.differences = {primaryKeyDrop(QStringLiteral("labels"))};
    }
    edit(QStringLiteral("drop_table"), {{QStringLiteral(R"ts(
export const postLabels = pgTable(
  'post_labels',
  {
    postId: integer('post_id').notNull(),
    labelId: integer('label_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.labelId] })],
);
)ts"), QString()}});
    edit(QStringLiteral("drop_view"), {{QStringLiteral(R"ts(
export const activeUsers = pgView('active_users', {
  id: integer('id'),
  email: varchar('email', { length: 320 }),
}).as(sql`select "id", "email" from "users" where "bio" <> ''`);
)ts"), QString()}});
    {
        DrizzleEdit &e = edit(QStringLiteral("rename_enum"),
                              {{QStringLiteral("pgEnum('mood',"), QStringLiteral("pgEnum('feeling',")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("enum:mood=feeling")};
    }

    // Second round, on what the first left: several changes to one column, enum columns,
    // generated and identity columns, moves between schemas.
    edit(QStringLiteral("add_unique_column"),
         {{QStringLiteral("    views: integer('views').notNull().default(1),\n"),
           QStringLiteral("    views: integer('views').notNull().default(1),\n    slug: text('slug').unique(),\n")}});
    edit(QStringLiteral("change_varchar_length"),
         {{QStringLiteral("email: varchar('email', { length: 320 }).notNull(),"),
           QStringLiteral("email: varchar('email', { length: 255 }).notNull(),")}});
    edit(QStringLiteral("change_type_and_set_not_null"),
         {{QStringLiteral("bio: text('bio').default(''),"), QStringLiteral("bio: varchar('bio', { length: 500 }).notNull().default(''),")}});
    edit(QStringLiteral("column_to_new_enum"),
         {{QStringLiteral("export const users = pgTable("),
           QStringLiteral("export const postStatus = pgEnum('post_status', ['draft', 'published']);\n\nexport const users = pgTable(")},
          {QStringLiteral("    status: text('status'),\n"), QStringLiteral("    status: postStatus('status'),\n")}});
    edit(QStringLiteral("drop_enum_value"),
         {{QStringLiteral("['ecstatic', 'happy', 'sad', 'neutral']"), QStringLiteral("['ecstatic', 'happy', 'sad']")}});
    edit(QStringLiteral("add_generated_column"),
         {{QStringLiteral("    createdAt: timestamp('created_at').notNull().defaultNow(),\n"),
           QStringLiteral("    createdAt: timestamp('created_at').notNull().defaultNow(),\n"
                          "    emailDomain: text('email_domain').generatedAlwaysAs(sql`split_part(email, '@', 2)`),\n")}});
    edit(QStringLiteral("add_descending_index"),
         {addToTable(QStringLiteral("u"), QStringLiteral("index('users_created_idx').on(u.createdAt.desc()),"))});
    edit(QStringLiteral("create_table_with_references"), {append(QStringLiteral(R"ts(
export const refunds = billing.table('refunds', {
  id: serial('id').primaryKey(),
  paymentId: integer('payment_id')
    .notNull()
    .references(() => payments.id, { onDelete: 'restrict', onUpdate: 'cascade' }),
});
)ts"))});
    edit(QStringLiteral("alter_identity"),
         {{QStringLiteral("generatedAlwaysAsIdentity()"), QStringLiteral("generatedAlwaysAsIdentity({ startWith: 100 })")}});
    {
        DrizzleEdit &e = edit(QStringLiteral("move_table_to_schema"),
                              {{QStringLiteral("export const invoices = billing.table('invoices', {"),
                                QStringLiteral("export const invoices = pgTable('invoices', {")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("table:billing.invoices=public.invoices")};
    }
    edit(QStringLiteral("enable_rls"),
         {{QStringLiteral("  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),\n});"),
           QStringLiteral("  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),\n}).enableRLS();")}});
    edit(QStringLiteral("drop_policy"),
         {removeLine(QStringLiteral("pgPolicy('posts_read', { for: 'select', using: sql`${p.authorId} > 0` }),"))});
    {
        DrizzleEdit &e = edit(QStringLiteral("rename_schema"),
                              {{QStringLiteral("pgSchema('billing')"), QStringLiteral("pgSchema('finance')")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("schema:billing=finance")};
        e.differences = keptForeignKey(QStringLiteral(
            "ALTER TABLE \"finance\".\"refunds\" DROP CONSTRAINT \"refunds_payment_id_payments_id_fk\";"),
            QStringLiteral("ALTER TABLE \"finance\".\"refunds\" ADD CONSTRAINT \"refunds_payment_id_payments_id_fk\" FOREIGN KEY "
                           "(\"payment_id\") REFERENCES \"finance\".\"payments\"(\"id\") ON DELETE restrict ON UPDATE cascade;"));
    }
    edit(QStringLiteral("drop_sequence"),
         {{QStringLiteral("\nexport const invoiceNumbers = pgSequence('invoice_numbers', { startWith: 1000, increment: 5 });\n"),
           QString()}});
    // A key with a name of its own keeps it when its target is renamed; drizzle-kit drops
    // and adds it again all the same (so does a key into a renamed schema, rename_schema),
    // Strata leaves it alone.
    edit(QStringLiteral("add_named_foreign_key"),
         {addToTable(QStringLiteral("p"),
                     QStringLiteral("foreignKey({ name: 'posts_author_fk', columns: [p.authorId], foreignColumns: [users.id] }),"))});
    {
        DrizzleEdit &e = edit(QStringLiteral("rename_referenced_table"),
                              {{QStringLiteral("pgTable(\n  'users',"), QStringLiteral("pgTable(\n  'accounts',")}});
        e.promptAnswers = {1};
        e.renames = {QStringLiteral("table:users=accounts")};
        // Its own name does not follow the table's, so only the key with a name of its own stays.
        e.differences = keptForeignKey(QStringLiteral("ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_author_fk\";"),
                                       QStringLiteral("ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_fk\" FOREIGN KEY "
                                                      "(\"author_id\") REFERENCES \"public\".\"accounts\"(\"id\") ON "
                                                      "DELETE no action ON UPDATE no action;"));
        e.differences << renamedTableNames(QStringLiteral("users"), QStringLiteral("accounts"));
    }
    return edits;
}

} // namespace strata::test
