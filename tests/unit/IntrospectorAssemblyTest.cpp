// Introspector's pure halves, without a server: the statements each server version gets, and
// how catalog rows become a Schema.
#include "TestRegistry.h"

#include "schema/Introspector.h"

#include <QTest>

using namespace strata;

// Expected values name only what differs from the defaults; GCC 12 still warns about the
// members a designated initializer leaves out (GCC 13 no longer does).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

QueryResult rows(const QStringList &columns, const QList<QStringList> &values)
{
    QueryResult result(columns, QList<quint32>(columns.size(), 25));
    for (const QStringList &row : values)
        result.appendRow(row);
    return result;
}

const QStringList relationColumns = {"relid", "schema", "name", "kind", "unlogged", "rls_enabled",
                                     "rls_forced", "options", "populated", "comment"};

// A regular table row for the relations step.
QStringList tableRow(const QString &relid, const QString &schema, const QString &name)
{
    return {relid, schema, name, "r", "f", "f", "f", QString(), "t", QString()};
}

const QStringList columnColumns = {"relid", "attnum", "name", "type", "type_schema", "dimensions",
                                   "not_null", "default_expr", "generated_expr", "identity", "collation",
                                   "collation_schema", "collation_oid", "comment"};

QStringList columnRow(const QString &relid, int attnum, const QString &name, const QString &type = "integer",
                      const QString &identity = "", const QString &collationOid = "0")
{
    return {relid, QString::number(attnum), name, type, QString(), "0", "f", QString(), QString(),
            identity, QString(), QString(), collationOid, QString()};
}

const QStringList sequenceColumns = {"schema", "name", "data_type", "increment", "start", "min_value",
                                     "max_value", "cache", "cycle", "owner_kind", "owner_relid",
                                     "owner_attnum", "owner_table", "owner_column", "comment"};

QList<QueryResult> emptyResults()
{
    return QList<QueryResult>(Introspector::StepCount);
}

QStringList tableNames(const Schema &schema)
{
    QStringList names;
    for (const Table &table : schema.tables)
        names << table.schema + QLatin1Char('.') + table.name;
    return names;
}

} // namespace

class IntrospectorAssemblyTest : public QObject
{
    Q_OBJECT

private slots:
    void everyStepHasOneQueryWithTheSchemaListAsItsParameter()
    {
        const QList<Query> all = Introspector::queries(150000);
        QCOMPARE(all.size(), int(Introspector::StepCount));
        for (const Query &query : all) {
            QCOMPARE(query.params.size(), 1);
            QVERIFY(query.params.first().isNull());  // NULL: every schema but the system ones
            QVERIFY(query.sql.contains(QLatin1String("$1::text[]")));
            QVERIFY(!query.sql.contains(QLatin1String("information_schema.")));
            QVERIFY(!query.sql.contains(QLatin1Char('{')));  // no placeholder left behind
        }

        IntrospectOptions options;
        options.schemas = {"app", "we\"ird", "back\\slash", "comma,brace}"};
        for (const Query &query : Introspector::queries(150000, options))
            QCOMPARE(query.params, QStringList{"{\"app\",\"we\\\"ird\",\"back\\\\slash\",\"comma,brace}\"}"});
    }

    void newerCatalogColumnsAreVersionGuarded_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        const QStringList all = {"attgenerated", "indnkeyatts", "conparentid", "indnullsnotdistinct", "confdelsetcols"};
        QTest::newRow("10") << 100000 << QStringList{} << all;
        QTest::newRow("11") << 110000 << QStringList{"indnkeyatts", "conparentid"}
                            << QStringList{"attgenerated", "indnullsnotdistinct", "confdelsetcols"};
        QTest::newRow("12") << 120000 << QStringList{"attgenerated", "indnkeyatts", "conparentid"}
                            << QStringList{"indnullsnotdistinct", "confdelsetcols"};
        QTest::newRow("14") << 140000 << QStringList{"attgenerated", "indnkeyatts", "conparentid"}
                            << QStringList{"indnullsnotdistinct", "confdelsetcols"};
        QTest::newRow("15") << 150000 << all << QStringList{};
        QTest::newRow("17") << 170000 << all << QStringList{};
    }

    void newerCatalogColumnsAreVersionGuarded()
    {
        QFETCH(int, version);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        QString sql;
        for (const Query &query : Introspector::queries(version))
            sql += query.sql;
        for (const QString &column : present)
            QVERIFY2(sql.contains(column), qPrintable(column));
        for (const QString &column : absent)
            QVERIFY2(!sql.contains(column), qPrintable(column));
    }

    void tooFewResultsGiveAnEmptySchema()
    {
        QCOMPARE(Introspector::assemble({}), Schema{});
    }

    void namesAreOrderedByCodePoint()
    {
        QList<QueryResult> results = emptyResults();
        // U+1F600 is a surrogate pair in UTF-16 and would sort before U+FFFD as QStrings.
        const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
        const QString replacement = QString(QChar(0xFFFD));
        results[Introspector::Schemas] = rows({"name"}, {{"b"}, {"public"}, {emoji}, {"B"}, {replacement}});
        results[Introspector::Relations] = rows(relationColumns, {
            tableRow("1", "public", emoji), tableRow("2", "public", "b"), tableRow("3", "public", replacement),
            tableRow("4", "B", "z"), tableRow("5", "public", "B"), tableRow("6", "public", QString::fromUtf8("é"))});
        const Schema schema = Introspector::assemble(results);
        QCOMPARE(schema.schemas, (QStringList{"B", "b", replacement, emoji}));  // public is implied
        QCOMPARE(tableNames(schema), (QStringList{"B.z", "public.B", "public.b", QString::fromUtf8("public.é"),
                                                  "public." + replacement, "public." + emoji}));
    }

    void columnsComeInAttnumOrderAndStrayRowsAreDropped()
    {
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "public", "t")});
        // attnum 2 after a dropped column 1's gap; relid 99 vanished between the two steps.
        results[Introspector::Columns] = rows(columnColumns, {
            columnRow("10", 3, "c"), columnRow("99", 1, "ghost"), columnRow("10", 2, "b")});
        results[Introspector::Constraints] = rows({"relid", "name", "type", "key_attnums", "validated"}, {
            {"99", "ghost_pkey", "p", "{1}", "t"},
            {"10", "t_pkey", "p", "{2,3}", "t"}});
        results[Introspector::Policies] = rows({"relid", "name", "permissive", "command"}, {{"99", "p", "t", "*"}});
        const Schema schema = Introspector::assemble(results);
        QCOMPARE(schema.tables.size(), 1);
        const Table &table = schema.tables.first();
        QCOMPARE(table.columns.size(), 2);
        QCOMPARE(table.columns.at(0).name, QStringLiteral("b"));
        QCOMPARE(table.columns.at(1).name, QStringLiteral("c"));
        QVERIFY(table.primaryKey == (PrimaryKey{"t_pkey", {"b", "c"}}));
        QVERIFY(table.policies.isEmpty());
    }

    void identitySequencesStayOnTheirColumn()
    {
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "app", "t")});
        results[Introspector::Columns] = rows(columnColumns, {
            columnRow("10", 1, "id", "bigint", "a"), columnRow("10", 2, "serial_id", "integer")});
        results[Introspector::Sequences] = rows(sequenceColumns, {
            {"app", "t_id_seq", "bigint", "2", "10", "5", "1000", "4", "t", "i", "10", "1", "t", "id", QString()},
            {"app", "t_serial_id_seq", "integer", "1", "1", "1", "2147483647", "1", "f", "a", "10", "2", "t",
             "serial_id", "the serial"},
            {"app", "free", "smallint", "-1", "-1", "-32768", "-1", "1", "f", QString(), QString(), QString(),
             QString(), QString(), QString()}});
        const Schema schema = Introspector::assemble(results);

        const Column *id = schema.tables.first().column(QStringLiteral("id"));
        QVERIFY(id && id->identity);
        QCOMPARE(*id->identity, (Identity{.kind = Identity::Kind::Always, .sequenceName = "t_id_seq",
                                          .sequenceSchema = "app", .increment = 2, .start = 10, .minValue = 5,
                                          .maxValue = 1000, .cache = 4, .cycle = true}));
        QVERIFY(!schema.tables.first().column(QStringLiteral("serial_id"))->identity);

        QCOMPARE(schema.sequences.size(), 2);
        QCOMPARE(schema.sequences.at(0), (Sequence{.schema = "app", .name = "free", .dataType = "smallint",
                                                   .increment = -1, .start = -1, .minValue = -32768,
                                                   .maxValue = -1}));
        QCOMPARE(schema.sequences.at(1), (Sequence{.schema = "app", .name = "t_serial_id_seq", .dataType = "integer",
                                                   .maxValue = 2147483647, .ownedBy = "t.serial_id",
                                                   .comment = "the serial"}));
    }

    void indexKeysSayOnlyWhatIsNotTheDefault_data()
    {
        QTest::addColumn<int>("option");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<int>("nulls");
        // indoption: bit 0 DESC, bit 1 NULLS FIRST.
        QTest::newRow("ASC") << 0 << false << int(IndexKey::Nulls::Default);
        QTest::newRow("ASC NULLS FIRST") << 2 << false << int(IndexKey::Nulls::First);
        QTest::newRow("DESC NULLS LAST") << 1 << true << int(IndexKey::Nulls::Last);
        QTest::newRow("DESC") << 3 << true << int(IndexKey::Nulls::Default);
    }

    void indexKeysSayOnlyWhatIsNotTheDefault()
    {
        QFETCH(int, option);
        QFETCH(bool, descending);
        QFETCH(int, nulls);
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "public", "t")});
        const QString keys = QString::fromUtf8(R"json([
            {"column": "a", "expression": null, "option": %1, "opclass": null, "collation": null},
            {"column": null, "expression": "lower(b)", "option": 0, "opclass": "text_pattern_ops", "collation": "C"},
            {"column": "c", "expression": null, "option": null, "opclass": null, "collation": null}])json").arg(option);
        results[Introspector::Indexes] = rows(
            {"relid", "name", "is_unique", "nulls_not_distinct", "method", "key_count", "keys", "predicate", "options"},
            {{"10", "t_idx", "t", "t", "btree", "2", keys, "(a > 0)", R"(["fillfactor=70", "x=a=b"])"}});
        const Schema schema = Introspector::assemble(results);
        QCOMPARE(schema.tables.first().indexes.size(), 1);
        const Index expected{
            .name = "t_idx", .unique = true, .nullsNotDistinct = true, .method = "btree",
            .keys = {{.expression = "a", .descending = descending, .nulls = IndexKey::Nulls(nulls)},
                     {.expression = "lower(b)", .isExpression = true, .opclass = "text_pattern_ops", .collation = "C"}},
            .include = {"c"}, .where = "(a > 0)", .with = {{"fillfactor", "70"}, {"x", "a=b"}}};
        QCOMPARE(Schema{.tables = schema.tables},
                 (Schema{.tables = {Table{.schema = "public", .name = "t", .indexes = {expected}}}}));
    }

    // Key columns come as attnums, named from the columns step; a foreign key into a table
    // that was not read (s.u) names its target columns in the row.
    // An index with nothing but plain columns comes as the catalog's vectors: indkey,
    // indoption and indcollation (key columns only), named from the columns step.
    void indexKeysFromCatalogVectors()
    {
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "public", "t")});
        results[Introspector::Columns] = rows(columnColumns, {
            columnRow("10", 3, "c", "text", "", "100"), columnRow("10", 1, "a"),
            columnRow("10", 2, "b", "text", "", "950")});
        const QStringList columns = {"relid", "name", "is_unique", "nulls_not_distinct", "method", "key_count",
                                     "key_attnums", "key_options", "key_collations", "keys", "predicate", "options"};
        results[Introspector::Indexes] = rows(columns, {
            {"10", "t_ab", "t", "f", "btree", "2", "1 2 3", "3 1", "0 100", QString(), QString(), QString()},
            {"10", "t_c", "f", "f", "hash", "1", "3", "2", "100", QString(), "(c <> '')", QString()}});
        const Schema schema = Introspector::assemble(results);
        const QList<Index> expected = {
            // b is collated "C" (950): a key in the database's default collation says so.
            {.name = "t_ab", .unique = true, .method = "btree",
             .keys = {{.expression = "a", .descending = true},
                      {.expression = "b", .descending = true, .nulls = IndexKey::Nulls::Last, .collation = "default"}},
             .include = {"c"}},
            {.name = "t_c", .method = "hash", .keys = {{.expression = "c", .nulls = IndexKey::Nulls::First}},
             .where = "(c <> '')"},
        };
        QCOMPARE(schema.tables.first().indexes, expected);
    }

    void constraintsMapEveryCode()
    {
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "public", "t"),
                                                                  tableRow("11", "public", "w")});
        results[Introspector::Columns] = rows(columnColumns, {
            columnRow("11", 2, "key"), columnRow("10", 1, "a"), columnRow("11", 3, "other")});
        const QStringList columns = {"relid", "name", "type", "key_attnums", "target_relid", "target_schema",
                                     "target_table", "target_attnums", "target_columns", "delete_set_attnums",
                                     "on_update", "on_delete", "match_type", "deferrable", "deferred", "validated",
                                     "expression", "nulls_not_distinct"};
        auto fk = [&](const QString &name, const QString &update, const QString &del) {
            return QStringList{"10", name, "f", "{1}", "500", "s", "u", "{1}", R"(["id"])", QString(), update, del,
                               "s", "f", "f", "t", QString(), "f"};
        };
        results[Introspector::Constraints] = rows(columns, {
            fk("fk_a", "a", "a"), fk("fk_r", "r", "r"), fk("fk_c", "c", "c"), fk("fk_n", "n", "n"),
            fk("fk_d", "d", "d"),
            {"10", "fk_full", "f", "{1}", "500", "s", "u", "{1}", R"(["id"])", "{1}", "a", "n", "f", "t", "t", "f",
             QString(), "f"},
            {"10", "fk_read", "f", "{1}", "11", "public", "w", "{2}", QString(), QString(), "a", "a", "s", "f", "f",
             "t", QString(), "f"},
            {"10", "u", "u", "{1}", "0", QString(), QString(), QString(), QString(), QString(), " ", " ", " ", "t",
             "f", "t", QString(), "t"},
            {"10", "c", "c", QString(), "0", QString(), QString(), QString(), QString(), QString(), " ", " ", " ",
             "f", "f", "f", "(a > 0)", "f"}});
        const Schema schema = Introspector::assemble(results);
        const Table &table = schema.tables.first();
        using A = ForeignKeyAction;
        auto expectFk = [&](const QString &name, A action) {
            return ForeignKey{.name = name, .columns = {"a"}, .targetSchema = "s", .targetTable = "u",
                              .targetColumns = {"id"}, .onUpdate = action, .onDelete = action};
        };
        ForeignKey full = expectFk("fk_full", A::NoAction);
        full.onDelete = A::SetNull;
        full.onDeleteSetColumns = {"a"};
        full.matchFull = true;
        full.deferrable = true;
        full.initiallyDeferred = true;
        full.notValid = true;
        const ForeignKey read{.name = "fk_read", .columns = {"a"}, .targetSchema = "public", .targetTable = "w",
                              .targetColumns = {"key"}};
        const Table expected{
            .schema = "public", .name = "t",
            .columns = {{.name = "a", .type = "integer"}},
            .uniqueConstraints = {{.name = "u", .columns = {"a"}, .nullsNotDistinct = true, .deferrable = true}},
            .foreignKeys = {expectFk("fk_a", A::NoAction), expectFk("fk_c", A::Cascade), expectFk("fk_d", A::SetDefault),
                            full, expectFk("fk_n", A::SetNull), expectFk("fk_r", A::Restrict), read},
            .checks = {{"c", "(a > 0)", true}},
        };
        QCOMPARE(table, expected);
    }

    void policiesReadPublicAsNoRoles()
    {
        QList<QueryResult> results = emptyResults();
        results[Introspector::Relations] = rows(relationColumns, {tableRow("10", "public", "t")});
        const QStringList columns = {"relid", "name", "permissive", "command", "roles", "using_expr", "check_expr"};
        results[Introspector::Policies] = rows(columns, {
            {"10", "all", "t", "*", R"(["public"])", "true", QString()},
            {"10", "mixed", "f", "w", R"(["public", "reader"])", QString(), "false"},
            {"10", "r", "t", "r", R"(["reader"])", QString(), QString()},
            {"10", "a", "t", "a", R"(["public"])", QString(), QString()},
            {"10", "d", "t", "d", R"(["public"])", QString(), QString()}});
        const Schema schema = Introspector::assemble(results);
        const QList<Policy> expected = {
            {.name = "a", .command = "INSERT"},
            {.name = "all", .usingExpression = "true"},
            {.name = "d", .command = "DELETE"},
            {.name = "mixed", .permissive = false, .command = "UPDATE", .roles = {"public", "reader"},
             .withCheckExpression = "false"},
            {.name = "r", .command = "SELECT", .roles = {"reader"}},
        };
        QCOMPARE(schema.tables.first(), (Table{.schema = "public", .name = "t", .policies = expected}));
    }

    void drizzleBookkeeping_data()
    {
        QTest::addColumn<bool>("include");
        QTest::addColumn<QString>("ledgerSchema");
        QTest::addColumn<bool>("schemaHasMore");
        QTest::addColumn<QStringList>("schemas");
        QTest::addColumn<QStringList>("tables");
        QTest::addColumn<int>("sequences");
        QTest::newRow("own schema") << false << "drizzle" << false << QStringList{} << QStringList{"public.users"} << 0;
        QTest::newRow("own schema, shared") << false << "drizzle" << true << QStringList{"drizzle"}
                                            << QStringList{"public.users"} << 1;
        QTest::newRow("in public") << false << "public" << false << QStringList{} << QStringList{"public.users"} << 0;
        QTest::newRow("included") << true << "drizzle" << false << QStringList{"drizzle"}
                                  << QStringList{"drizzle.__drizzle_migrations", "public.users"} << 1;
    }

    void drizzleBookkeeping()
    {
        QFETCH(bool, include);
        QFETCH(QString, ledgerSchema);
        QFETCH(bool, schemaHasMore);
        QFETCH(QStringList, schemas);
        QFETCH(QStringList, tables);
        QFETCH(int, sequences);
        QList<QueryResult> results = emptyResults();
        results[Introspector::Schemas] = rows({"name"}, {{ledgerSchema}, {"public"}});
        results[Introspector::Relations] = rows(relationColumns, {
            tableRow("1", ledgerSchema, "__drizzle_migrations"), tableRow("2", "public", "users")});
        results[Introspector::Columns] = rows(columnColumns, {columnRow("1", 1, "id"), columnRow("2", 1, "id")});
        QList<QStringList> sequenceRows = {
            {ledgerSchema, "__drizzle_migrations_id_seq", "integer", "1", "1", "1", "2147483647", "1", "f", "a",
             "1", "1", "__drizzle_migrations", "id", QString()}};
        if (schemaHasMore)  // a sequence of the user's own in the same schema
            sequenceRows << QStringList{ledgerSchema, "mine", "bigint", "1", "1", "1", "9", "1", "f", QString(),
                                        QString(), QString(), QString(), QString(), QString()};
        results[Introspector::Sequences] = rows(sequenceColumns, sequenceRows);
        IntrospectOptions options;
        options.includeDrizzleSchema = include;
        const Schema schema = Introspector::assemble(results, options);
        QCOMPARE(schema.schemas, schemas);
        QCOMPARE(tableNames(schema), tables);
        QCOMPARE(schema.sequences.size(), sequences);
    }

    void viewsAndMaterializedViews()
    {
        QList<QueryResult> results = emptyResults();
        const QStringList columns = {"relid", "schema", "name", "kind", "options", "tablespace", "access_method",
                                     "populated", "definition", "comment"};
        results[Introspector::Relations] = rows(columns, {
            {"1", "app", "v", "v", R"(["check_option=local"])", QString(), QString(), "t", " SELECT 1;", "c"},
            {"2", "app", "m", "m", QString(), "fast", "columnar", "f", " SELECT 2;", QString()},
            {"3", "app", "m2", "m", QString(), QString(), QString(), "t", " SELECT 3;", QString()}});
        results[Introspector::Columns] = rows(columnColumns, {columnRow("1", 1, "x"), columnRow("2", 1, "y")});
        results[Introspector::Indexes] = rows({"relid", "name", "is_unique", "method", "key_count", "keys"}, {
            {"2", "m_y", "f", "btree", "1", R"([{"column": "y", "option": 0}])"}});
        const Schema schema = Introspector::assemble(results);
        const QList<View> expected = {
            {.schema = "app", .name = "m", .materialized = true, .definition = " SELECT 2;",
             .columns = {{.name = "y", .type = "integer"}}, .withNoData = true, .tablespace = "fast",
             .usingMethod = "columnar", .indexes = {{.name = "m_y", .keys = {{.expression = "y"}}}}},
            {.schema = "app", .name = "m2", .materialized = true, .definition = " SELECT 3;"},
            {.schema = "app", .name = "v", .definition = " SELECT 1;", .columns = {{.name = "x", .type = "integer"}},
             .with = {{"check_option", "local"}}, .comment = "c"},
        };
        QCOMPARE(schema, (Schema{.views = expected}));
    }

    void partitionsNameTheirParentQuoted()
    {
        QList<QueryResult> results = emptyResults();
        const QStringList columns = {"relid", "schema", "name", "kind", "partition_key", "parent_schema",
                                     "parent_name", "partition_bound", "unlogged", "rls_enabled", "rls_forced"};
        results[Introspector::Relations] = rows(columns, {
            {"1", "we\"ird", "Parent", "p", "LIST (k)", QString(), QString(), QString(), "f", "t", "t"},
            {"2", "we\"ird", "child", "r", QString(), "we\"ird", "Parent", "FOR VALUES IN (1)", "t", "f", "f"}});
        const Schema schema = Introspector::assemble(results);
        QCOMPARE(schema.tables.size(), 2);
        QCOMPARE(schema.tables.at(0), (Table{.schema = "we\"ird", .name = "Parent", .kind = Table::Kind::Partitioned,
                                            .partitionKey = "LIST (k)", .rlsEnabled = true, .rlsForced = true}));
        QCOMPARE(schema.tables.at(1), (Table{.schema = "we\"ird", .name = "child",
                                            .partitionOf = R"("we""ird"."Parent")",
                                            .partitionBound = "FOR VALUES IN (1)", .unlogged = true}));
    }
};

STRATA_TEST(IntrospectorAssemblyTest)
#include "IntrospectorAssemblyTest.moc"
