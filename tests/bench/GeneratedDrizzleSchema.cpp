#include "GeneratedDrizzleSchema.h"

#include "schema/SnapshotTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace strata::bench {

namespace {

// splitmix64: fixed and tiny. std::uniform_int_distribution is not specified bit for bit,
// so a schema drawn through it could differ between standard libraries.
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

enum class IdKind { Serial, BigIdentity, Uuid, IntIdentity };

struct Reference {
    int table = -1;  // index into the table list; -1 = none
    QString onDelete;
    bool dropped = false;  // B has the column without the foreign key
};

// One table's choices, made once and rendered twice (A and B).
struct TableSpec {
    QString name;  // t_0001
    QString var;   // t0001
    bool billing = false;
    bool link = false;  // composite key (left_id, right_id) and no id
    IdKind id = IdKind::Serial;
    int codeLength = 16;
    int precision = 10;
    int scale = 2;
    bool activeDefault = true;
    bool payload = false;
    bool tags = false;
    QString enumColumn;  // status, priority or currency; empty for none
    Reference parent;    // inline .references(): parent_id, or left_id on a link table
    Reference owner;     // foreignKey() with a name of its own: owner_id, or right_id
    bool nameIndex = false;
    bool codeUnique = false;
    bool parentIndex = false;
    bool enumCreatedIndex = false;
    // B
    bool addScore = false;
    bool addReview = false;      // review_state NOT NULL DEFAULT 'pending'
    bool addLastReview = false;  // review_state, nullable
    bool addUpdatedAt = false;
    bool noteIndex = false;
    bool scoreIndex = false;
    bool reviewIndex = false;
};

const char *const onDeleteActions[] = {"cascade", "set null", "restrict", "no action"};

QString idColumn(IdKind kind)
{
    switch (kind) {
    case IdKind::Serial:
        return QStringLiteral("serial('id').primaryKey()");
    case IdKind::BigIdentity:
        return QStringLiteral("bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity()");
    case IdKind::Uuid:
        return QStringLiteral("uuid('id').defaultRandom().primaryKey()");
    case IdKind::IntIdentity:
        return QStringLiteral("integer('id').primaryKey().generatedAlwaysAsIdentity()");
    }
    return {};
}

// A column that can hold the id of a table with key `kind`.
QString referencingColumn(IdKind kind, const QString &sqlName)
{
    switch (kind) {
    case IdKind::BigIdentity:
        return QStringLiteral("bigint('%1', { mode: 'number' })").arg(sqlName);
    case IdKind::Uuid:
        return QStringLiteral("uuid('%1')").arg(sqlName);
    case IdKind::Serial:
    case IdKind::IntIdentity:
        break;
    }
    return QStringLiteral("integer('%1')").arg(sqlName);
}

// Any earlier table with an id, spread over all of them; -1 if there is none yet.
int pickParent(Rng &rng, const QList<TableSpec> &earlier)
{
    if (earlier.isEmpty())
        return -1;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int candidate = rng.below(int(earlier.size()));
        if (!earlier.at(candidate).link)
            return candidate;
    }
    return earlier.first().link ? -1 : 0;
}

Reference pickReference(Rng &rng, const QList<TableSpec> &earlier, int dropPercent)
{
    Reference ref;
    ref.table = pickParent(rng, earlier);
    ref.onDelete = QString::fromLatin1(onDeleteActions[rng.below(4)]);
    ref.dropped = rng.chance(dropPercent);
    return ref;
}

QList<TableSpec> drawTables(int count, std::uint64_t seed)
{
    Rng rng(seed);
    QList<TableSpec> specs;
    specs.reserve(count);
    for (int i = 1; i <= count; ++i) {
        TableSpec t;
        t.name = QStringLiteral("t_%1").arg(i, 4, 10, QLatin1Char('0'));
        t.var = QStringLiteral("t%1").arg(i, 4, 10, QLatin1Char('0'));
        t.billing = rng.chance(30);
        t.link = specs.size() >= 2 && rng.chance(8);
        t.id = IdKind(rng.below(4));
        t.codeLength = 16 + rng.below(48);
        t.precision = 10 + rng.below(9);
        t.scale = rng.below(4);
        t.activeDefault = rng.chance(85);
        t.payload = rng.chance(60);
        t.tags = rng.chance(40);
        if (rng.chance(70))
            t.enumColumn = t.billing ? QStringLiteral("currency")
                                     : (rng.chance(50) ? QStringLiteral("status") : QStringLiteral("priority"));
        if (t.link) {
            t.parent = pickReference(rng, specs, 20);
            t.owner = pickReference(rng, specs, 40);
        } else {
            if (rng.chance(85))
                t.parent = pickReference(rng, specs, 35);
            if (rng.chance(30))
                t.owner = pickReference(rng, specs, 35);
        }
        t.nameIndex = !t.link && rng.chance(50);
        t.codeUnique = !t.link && rng.chance(35);
        t.parentIndex = t.parent.table >= 0 && rng.chance(40);
        t.enumCreatedIndex = !t.enumColumn.isEmpty() && rng.chance(20);

        t.addScore = rng.chance(50);
        t.addReview = rng.chance(30);
        t.addLastReview = !t.addReview && rng.chance(20);
        t.addUpdatedAt = rng.chance(25);
        t.noteIndex = rng.chance(35);
        t.scoreIndex = t.addScore && rng.chance(40);
        t.reviewIndex = t.addReview && rng.chance(50);
        specs.append(t);
    }
    return specs;
}

QString renderTable(const TableSpec &t, const QList<TableSpec> &all, bool after)
{
    QStringList columns;
    QStringList extras;  // the third argument's array: keys, indexes, named foreign keys
    const auto column = [&](const QString &key, const QString &definition) {
        columns.append(QStringLiteral("    %1: %2,").arg(key, definition));
    };
    const auto inlineReference = [&](const Reference &ref, const QString &key, const QString &sqlName,
                                     bool notNull) {
        const TableSpec &target = all.at(ref.table);
        QString definition = referencingColumn(target.id, sqlName);
        if (notNull)
            definition += QStringLiteral(".notNull()");
        if (!(after && ref.dropped))
            definition += QStringLiteral(".references(() => %1.id, { onDelete: '%2' })").arg(target.var, ref.onDelete);
        column(key, definition);
    };
    const auto namedReference = [&](const Reference &ref, const QString &key, const QString &sqlName,
                                    bool notNull) {
        const TableSpec &target = all.at(ref.table);
        column(key, referencingColumn(target.id, sqlName) + (notNull ? QStringLiteral(".notNull()") : QString()));
        if (!(after && ref.dropped))
            extras.append(QStringLiteral("foreignKey({ name: '%1_%2_fk', columns: [t.%3], foreignColumns: [%4.id] })"
                                         ".onDelete('%5')")
                              .arg(t.name, sqlName, key, target.var, ref.onDelete));
    };

    if (t.link) {
        inlineReference(t.parent, QStringLiteral("leftId"), QStringLiteral("left_id"), true);
        namedReference(t.owner, QStringLiteral("rightId"), QStringLiteral("right_id"), true);
        extras.append(QStringLiteral("primaryKey({ columns: [t.leftId, t.rightId] })"));
        extras.append(QStringLiteral("index('%1_right_idx').on(t.rightId)").arg(t.name));
    } else {
        column(QStringLiteral("id"), idColumn(t.id));
        column(QStringLiteral("name"), QStringLiteral("text('name').notNull()"));
        column(QStringLiteral("code"), QStringLiteral("varchar('code', { length: %1 }).notNull()").arg(t.codeLength));
        column(QStringLiteral("amount"), QStringLiteral("numeric('amount', { precision: %1, scale: %2 }).notNull().default('0')")
                                             .arg(t.precision).arg(t.scale));
    }
    column(QStringLiteral("createdAt"), QStringLiteral("timestamp('created_at', { withTimezone: true }).notNull().defaultNow()"));
    if (!t.link) {
        column(QStringLiteral("isActive"), QStringLiteral("boolean('is_active').notNull().default(%1)")
                                               .arg(t.activeDefault ? QStringLiteral("true") : QStringLiteral("false")));
        if (t.payload)
            column(QStringLiteral("payload"), QStringLiteral("jsonb('payload')"));
        if (t.tags)
            column(QStringLiteral("tags"), QStringLiteral("text('tags').array().notNull().default(sql`'{}'::text[]`)"));
    }
    if (!t.enumColumn.isEmpty()) {
        const QString first = t.enumColumn == QLatin1String("currency") ? QStringLiteral("EUR")
            : t.enumColumn == QLatin1String("status")                   ? QStringLiteral("draft")
                                                                        : QStringLiteral("normal");
        column(t.enumColumn, QStringLiteral("%1('%1').notNull().default('%2')").arg(t.enumColumn, first));
    }
    if (!t.link && t.parent.table >= 0)
        inlineReference(t.parent, QStringLiteral("parentId"), QStringLiteral("parent_id"), false);
    if (!t.link && t.owner.table >= 0)
        namedReference(t.owner, QStringLiteral("ownerId"), QStringLiteral("owner_id"), false);
    if (after) {
        column(QStringLiteral("note"), QStringLiteral("text('note')"));
        if (t.addScore)
            column(QStringLiteral("score"), QStringLiteral("integer('score').notNull().default(0)"));
        if (t.addReview)
            column(QStringLiteral("review"), QStringLiteral("reviewState('review').notNull().default('pending')"));
        if (t.addLastReview)
            column(QStringLiteral("lastReview"), QStringLiteral("reviewState('last_review')"));
        if (t.addUpdatedAt)
            column(QStringLiteral("updatedAt"), QStringLiteral("timestamp('updated_at', { mode: 'string' })"));
    }

    if (t.nameIndex)
        extras.append(QStringLiteral("index('%1_name_idx').on(t.name)").arg(t.name));
    if (t.codeUnique)
        extras.append(QStringLiteral("uniqueIndex('%1_code_key').on(t.code)").arg(t.name));
    if (t.parentIndex)
        extras.append(QStringLiteral("index('%1_parent_idx').on(t.%2)")
                          .arg(t.name, t.link ? QStringLiteral("leftId") : QStringLiteral("parentId")));
    if (t.enumCreatedIndex)
        extras.append(QStringLiteral("index('%1_%2_created_idx').on(t.%2, t.createdAt.desc())").arg(t.name, t.enumColumn));
    if (after) {
        if (t.noteIndex)
            extras.append(QStringLiteral("index('%1_note_idx').on(t.note)").arg(t.name));
        if (t.scoreIndex)
            extras.append(QStringLiteral("index('%1_score_idx').on(t.score.desc(), t.createdAt)").arg(t.name));
        if (t.reviewIndex)
            extras.append(QStringLiteral("index('%1_review_idx').on(t.review)").arg(t.name));
    }

    QString text = QStringLiteral("export const %1 = %2('%3', {\n%4\n}")
                       .arg(t.var, t.billing ? QStringLiteral("billing.table") : QStringLiteral("pgTable"), t.name,
                            columns.join(QLatin1Char('\n')));
    if (!extras.isEmpty())
        text += QStringLiteral(", (t) => [\n    %1,\n]").arg(extras.join(QStringLiteral(",\n    ")));
    return text + QStringLiteral(");\n\n");
}

QByteArray render(const QList<TableSpec> &specs, bool after)
{
    QString text = QStringLiteral(
        "// Generated by strata_bench diff (tests/bench/GeneratedDrizzleSchema.cpp).\n"
        "import { sql } from 'drizzle-orm';\n"
        "import { bigint, boolean, foreignKey, index, integer, jsonb, numeric, pgEnum, pgSchema, pgTable,\n"
        "  primaryKey, serial, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';\n\n"
        "export const billing = pgSchema('billing');\n"
        "export const status = pgEnum('status', ['draft', 'active', 'archived']);\n"
        "export const priority = pgEnum('priority', ['low', 'normal', 'high', 'urgent']);\n"
        "export const currency = billing.enum('currency', ['EUR', 'USD', 'GBP', 'CHF']);\n");
    if (after)
        text += QStringLiteral("export const reviewState = pgEnum('review_state', ['pending', 'approved', 'rejected']);\n");
    text += QLatin1Char('\n');
    for (const TableSpec &t : specs)
        text += renderTable(t, specs, after);
    return text.toUtf8();
}

// ---- the same schemas as Strata's models ----

ForeignKeyAction action(const QString &onDelete)
{
    if (onDelete == QLatin1String("cascade"))
        return ForeignKeyAction::Cascade;
    if (onDelete == QLatin1String("set null"))
        return ForeignKeyAction::SetNull;
    if (onDelete == QLatin1String("restrict"))
        return ForeignKeyAction::Restrict;
    return ForeignKeyAction::NoAction;
}

QString schemaOf(const TableSpec &t)
{
    return t.billing ? QStringLiteral("billing") : QStringLiteral("public");
}

Column plain(const QString &name, const QString &type, bool notNull = false,
             std::optional<QString> defaultExpression = std::nullopt)
{
    Column column;
    column.name = name;
    column.type = type;
    column.notNull = notNull;
    column.defaultExpression = std::move(defaultExpression);
    return column;
}

Column enumColumn(const QString &name, const QString &type, const QString &typeSchema, bool notNull,
                  std::optional<QString> defaultExpression)
{
    Column column = plain(name, type, notNull, std::move(defaultExpression));
    column.typeSchema = typeSchema;
    return column;
}

Column idColumnModel(const TableSpec &t)
{
    Column id = plain(QStringLiteral("id"), QStringLiteral("integer"), true);
    switch (t.id) {
    case IdKind::Serial:
        id.defaultExpression = SnapshotTypes::serialDefault(schemaOf(t), t.name, id.name);
        break;
    case IdKind::Uuid:
        id.type = QStringLiteral("uuid");
        id.defaultExpression = QStringLiteral("gen_random_uuid()");
        break;
    case IdKind::BigIdentity:
    case IdKind::IntIdentity: {
        const bool big = t.id == IdKind::BigIdentity;
        id.type = big ? QStringLiteral("bigint") : QStringLiteral("integer");
        Identity identity;
        identity.kind = big ? Identity::Kind::ByDefault : Identity::Kind::Always;
        identity.sequenceName = t.name + QStringLiteral("_id_seq");
        identity.sequenceSchema = schemaOf(t);
        identity.increment = 1;
        identity.start = 1;
        identity.minValue = 1;
        identity.maxValue = big ? 9223372036854775807LL : 2147483647LL;
        identity.cache = 1;
        id.identity = identity;
        break;
    }
    }
    return id;
}

QString referencingType(IdKind kind)
{
    return kind == IdKind::BigIdentity ? QStringLiteral("bigint")
        : kind == IdKind::Uuid         ? QStringLiteral("uuid")
                                       : QStringLiteral("integer");
}

Index indexOn(const QString &name, const QList<QPair<QString, bool>> &columns, bool unique = false)
{
    Index index;
    index.name = name;
    index.unique = unique;
    for (const auto &[column, descending] : columns) {
        IndexKey key;
        key.expression = column;
        key.descending = descending;
        // drizzle-orm's .desc() says nulls "last", which is not PostgreSQL's default for DESC.
        if (descending)
            key.nulls = IndexKey::Nulls::Last;
        index.keys.append(key);
    }
    return index;
}

Table tableModel(const TableSpec &t, const QList<TableSpec> &all, bool after)
{
    Table table;
    table.schema = schemaOf(t);
    table.name = t.name;
    const auto reference = [&](const Reference &ref, const QString &column, bool notNull, bool named) {
        const TableSpec &target = all.at(ref.table);
        table.columns.append(plain(column, referencingType(target.id), notNull));
        if (after && ref.dropped)
            return;
        ForeignKey key;
        key.name = named ? QStringLiteral("%1_%2_fk").arg(t.name, column)
                         : QStringLiteral("%1_%2_%3_id_fk").arg(t.name, column, target.name);
        key.columns = {column};
        key.targetSchema = schemaOf(target);
        key.targetTable = target.name;
        key.targetColumns = {QStringLiteral("id")};
        key.onDelete = action(ref.onDelete);
        table.foreignKeys.append(key);
    };
    if (t.link) {
        reference(t.parent, QStringLiteral("left_id"), true, false);
        reference(t.owner, QStringLiteral("right_id"), true, true);
        table.primaryKey = PrimaryKey{t.name + QStringLiteral("_left_id_right_id_pk"),
                                      {QStringLiteral("left_id"), QStringLiteral("right_id")}};
        table.indexes.append(indexOn(t.name + QStringLiteral("_right_idx"), {{QStringLiteral("right_id"), false}}));
    } else {
        table.columns.append(idColumnModel(t));
        table.primaryKey = PrimaryKey{SnapshotTypes::primaryKeyName(t.name), {QStringLiteral("id")}};
        table.columns.append(plain(QStringLiteral("name"), QStringLiteral("text"), true));
        table.columns.append(plain(QStringLiteral("code"), QStringLiteral("character varying(%1)").arg(t.codeLength), true));
        table.columns.append(plain(QStringLiteral("amount"), QStringLiteral("numeric(%1,%2)").arg(t.precision).arg(t.scale),
                                   true, QStringLiteral("'0'")));
    }
    table.columns.append(plain(QStringLiteral("created_at"), QStringLiteral("timestamp with time zone"), true,
                               QStringLiteral("now()")));
    if (!t.link) {
        table.columns.append(plain(QStringLiteral("is_active"), QStringLiteral("boolean"), true,
                                   t.activeDefault ? QStringLiteral("true") : QStringLiteral("false")));
        if (t.payload)
            table.columns.append(plain(QStringLiteral("payload"), QStringLiteral("jsonb")));
        if (t.tags) {
            Column tags = plain(QStringLiteral("tags"), QStringLiteral("text"), true, QStringLiteral("'{}'::text[]"));
            tags.arrayDimensions = 1;
            table.columns.append(tags);
        }
    }
    if (!t.enumColumn.isEmpty()) {
        const bool currency = t.enumColumn == QLatin1String("currency");
        const QString first = currency ? QStringLiteral("EUR")
            : t.enumColumn == QLatin1String("status") ? QStringLiteral("draft")
                                                      : QStringLiteral("normal");
        table.columns.append(enumColumn(t.enumColumn, t.enumColumn,
                                        currency ? QStringLiteral("billing") : QStringLiteral("public"), true,
                                        QStringLiteral("'%1'").arg(first)));
    }
    if (!t.link && t.parent.table >= 0)
        reference(t.parent, QStringLiteral("parent_id"), false, false);
    if (!t.link && t.owner.table >= 0)
        reference(t.owner, QStringLiteral("owner_id"), false, true);
    if (after) {
        table.columns.append(plain(QStringLiteral("note"), QStringLiteral("text")));
        if (t.addScore)
            table.columns.append(plain(QStringLiteral("score"), QStringLiteral("integer"), true, QStringLiteral("0")));
        if (t.addReview)
            table.columns.append(enumColumn(QStringLiteral("review"), QStringLiteral("review_state"),
                                            QStringLiteral("public"), true, QStringLiteral("'pending'")));
        if (t.addLastReview)
            table.columns.append(enumColumn(QStringLiteral("last_review"), QStringLiteral("review_state"),
                                            QStringLiteral("public"), false, std::nullopt));
        if (t.addUpdatedAt)
            table.columns.append(plain(QStringLiteral("updated_at"), QStringLiteral("timestamp without time zone")));
    }

    if (t.nameIndex)
        table.indexes.append(indexOn(t.name + QStringLiteral("_name_idx"), {{QStringLiteral("name"), false}}));
    if (t.codeUnique)
        table.indexes.append(indexOn(t.name + QStringLiteral("_code_key"), {{QStringLiteral("code"), false}}, true));
    if (t.parentIndex)
        table.indexes.append(indexOn(t.name + QStringLiteral("_parent_idx"),
                                     {{t.link ? QStringLiteral("left_id") : QStringLiteral("parent_id"), false}}));
    if (t.enumCreatedIndex)
        table.indexes.append(indexOn(QStringLiteral("%1_%2_created_idx").arg(t.name, t.enumColumn),
                                     {{t.enumColumn, false}, {QStringLiteral("created_at"), true}}));
    if (after) {
        if (t.noteIndex)
            table.indexes.append(indexOn(t.name + QStringLiteral("_note_idx"), {{QStringLiteral("note"), false}}));
        if (t.scoreIndex)
            table.indexes.append(indexOn(t.name + QStringLiteral("_score_idx"),
                                         {{QStringLiteral("score"), true}, {QStringLiteral("created_at"), false}}));
        if (t.reviewIndex)
            table.indexes.append(indexOn(t.name + QStringLiteral("_review_idx"), {{QStringLiteral("review"), false}}));
    }
    return table;
}

Schema schemaModel(const QList<TableSpec> &specs, bool after)
{
    Schema schema;
    schema.schemas = {QStringLiteral("billing")};
    schema.enums = {Enum{QStringLiteral("public"), QStringLiteral("status"),
                         {QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("archived")}, {}},
                    Enum{QStringLiteral("public"), QStringLiteral("priority"),
                         {QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"), QStringLiteral("urgent")}, {}},
                    Enum{QStringLiteral("billing"), QStringLiteral("currency"),
                         {QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("CHF")}, {}}};
    if (after)
        schema.enums.append(Enum{QStringLiteral("public"), QStringLiteral("review_state"),
                                 {QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected")}, {}});
    for (const TableSpec &t : specs)
        schema.tables.append(tableModel(t, specs, after));
    return schema;
}

} // namespace

DrizzleSchemaPair generatedDrizzleSchemas(int tables, std::uint64_t seed)
{
    const QList<TableSpec> specs = drawTables(tables, seed);
    DrizzleSchemaPair pair;
    pair.before = render(specs, false);
    pair.after = render(specs, true);
    pair.beforeModel = schemaModel(specs, false);
    pair.afterModel = schemaModel(specs, true);
    pair.tables = tables;
    for (const TableSpec &t : specs) {
        ++pair.touchedTables;  // every table gets a note column
        pair.addedColumns += 1 + int(t.addScore) + int(t.addReview) + int(t.addLastReview) + int(t.addUpdatedAt);
        pair.newEnumColumns += int(t.addReview) + int(t.addLastReview);
        pair.newIndexes += int(t.noteIndex) + int(t.scoreIndex) + int(t.reviewIndex);
        for (const Reference *ref : {&t.parent, &t.owner}) {
            if (ref->table >= 0)
                (ref->dropped ? pair.droppedForeignKeys : pair.keptForeignKeys) += 1;
        }
    }
    return pair;
}

} // namespace strata::bench
