// The schema model's lookups and its readable text for test failures.
#include "TestRegistry.h"

#include "schema/Schema.h"

#include <QTest>

#include <memory>

using namespace strata;

// Values name only what differs from the defaults; GCC 12 still warns about the members a
// designated initializer leaves out (GCC 13 no longer does).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

class SchemaTest : public QObject
{
    Q_OBJECT

    static Schema sample()
    {
        Schema schema;
        schema.tables = {
            {.schema = "public", .name = "Users", .columns = {{.name = "id", .type = "integer"}, {.name = "Id", .type = "text"}}},
            {.schema = "app", .name = "Users"},
        };
        schema.enums = {{.schema = "app", .name = "mood", .values = {"ok", "it's"}}};
        schema.views = {{.schema = "app", .name = "v", .definition = " SELECT 1;"}};
        return schema;
    }

private slots:
    void lookupsMatchSchemaAndNameExactly()
    {
        const Schema schema = sample();
        QCOMPARE(schema.table("public", "Users"), &schema.tables.at(0));
        QCOMPARE(schema.table("app", "Users"), &schema.tables.at(1));
        QVERIFY(!schema.table("public", "users"));
        QVERIFY(!schema.table("", "Users"));
        QCOMPARE(schema.enumType("app", "mood"), &schema.enums.at(0));
        QVERIFY(!schema.enumType("public", "mood"));
        QCOMPARE(schema.view("app", "v"), &schema.views.at(0));
        QVERIFY(!schema.view("app", "Users"));

        const Table &users = schema.tables.at(0);
        QCOMPARE(users.column("Id"), &users.columns.at(1));
        QCOMPARE(users.column("id"), &users.columns.at(0));
        QVERIFY(!users.column("ID"));
    }

    void describeShowsEveryElementOnItsOwnLine()
    {
        Table table{
            .schema = "app", .name = "we\"ird", .kind = Table::Kind::Partitioned, .partitionKey = "RANGE (at)",
            .rlsEnabled = true,
            .columns = {{.name = "at", .type = "date", .notNull = true, .defaultExpression = "now()"},
                        {.name = "Tags", .type = "text", .arrayDimensions = 2, .collation = "C"},
                        {.name = "id", .type = "bigint",
                         .identity = Identity{.kind = Identity::Kind::Always, .increment = 2}}},
            .primaryKey = PrimaryKey{"pk", {"id", "at"}},
            .foreignKeys = {{.name = "fk", .columns = {"id"}, .targetSchema = "s", .targetTable = "t",
                             .targetColumns = {"x"}, .onDelete = ForeignKeyAction::SetNull, .notValid = true}},
            .indexes = {{.name = "ix", .keys = {{.expression = "lower(x)", .isExpression = true, .descending = true,
                                                 .nulls = IndexKey::Nulls::Last}},
                         .where = "(x > 0)"}},
            .policies = {{.name = "p", .permissive = false, .roles = {"reader"}, .usingExpression = "true"}},
            .comment = "it's",
        };
        const QStringList lines = describe(table).split('\n');
        QCOMPARE(lines, (QStringList{
            R"(TABLE app."we""ird" PARTITION BY RANGE (at) ROW LEVEL SECURITY COMMENT 'it''s')",
            "  COLUMN at date NOT NULL DEFAULT now()",
            R"(  COLUMN "Tags" text[][] COLLATE "C")",
            "  COLUMN id bigint GENERATED ALWAYS AS IDENTITY (INCREMENT 2 NO CYCLE)",
            "  PRIMARY KEY pk (id, at)",
            "  FOREIGN KEY fk (id) REFERENCES s.t (x) ON UPDATE NO ACTION ON DELETE SET NULL NOT VALID",
            "  INDEX ix USING btree (EXPR lower(x) DESC NULLS LAST) WHERE (x > 0)",
            "  POLICY p AS RESTRICTIVE FOR ALL TO reader USING (true)",
        }));

        // QTest prints the text under "Actual"/"Expected", so it starts on a line of its own.
        std::unique_ptr<char[]> text(toString(table));
        QVERIFY(QByteArray(text.get()).startsWith("\nTABLE app."));

        const QString schemaText = describe(sample());
        QVERIFY(schemaText.contains("ENUM app.mood ('ok', 'it''s')"));
        QVERIFY(schemaText.contains("VIEW app.v\n  AS\n     SELECT 1;"));
    }
};

STRATA_TEST(SchemaTest)
#include "SchemaTest.moc"
