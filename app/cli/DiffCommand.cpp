#include "DiffCommand.h"

#include "SchemaSource.h"
#include "Tr.h"
#include "lint/FolderLint.h"
#include "lint/HazardLint.h"
#include "schema/DdlWriter.h"
#include "schema/SchemaDiff.h"
#include "schema/SpellingTransfer.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace strata {
namespace {

// "public.\"Odd.name\"" -> {"public", "Odd.name"}: dots split, except inside double quotes.
QStringList dottedParts(const QString &text)
{
    QStringList parts{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch == QLatin1Char('"')) {
            if (quoted && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                parts.last() += ch;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (ch == QLatin1Char('.') && !quoted) {
            parts << QString();
        } else {
            parts.last() += ch;
        }
    }
    return parts;
}

// One --rename kind:old=new. Tables, enums, sequences and views: [schema.]name on each side
// (public when left out); columns and policies: [schema.]table.old=new, the table as it is
// in <to>; schemas and roles: old=new.
bool addRename(const QString &argument, RenameDecisions *decisions, QString *error)
{
    const qsizetype colon = argument.indexOf(QLatin1Char(':'));
    const qsizetype equals = argument.indexOf(QLatin1Char('='), colon + 1);
    if (colon <= 0 || equals < 0) {
        *error = Tr::tr("--rename %1: write kind:old=new, e.g. table:public.users=public.accounts").arg(argument);
        return false;
    }
    const QString kind = argument.left(colon);
    const QStringList from = dottedParts(argument.mid(colon + 1, equals - colon - 1));
    const QStringList to = dottedParts(argument.mid(equals + 1));
    const auto bad = [&] {
        *error = Tr::tr("--rename %1: names do not fit the kind %2").arg(argument, kind);
        return false;
    };
    if (from.contains(QString()) || to.contains(QString()))
        return bad();
    const QString publicSchema = QStringLiteral("public");
    RenameDecisions::Rename rename;
    if (kind == QLatin1String("schema") || kind == QLatin1String("role")) {
        if (from.size() != 1 || to.size() != 1)
            return bad();
        rename.from.name = from.first();
        rename.to.name = to.first();
        (kind == QLatin1String("schema") ? decisions->schemas : decisions->roles) << rename;
        return true;
    }
    if (kind == QLatin1String("column") || kind == QLatin1String("policy")) {
        if (from.size() < 2 || from.size() > 3 || to.size() != 1)
            return bad();
        rename.from.schema = from.size() == 3 ? from.first() : publicSchema;
        rename.from.table = from.at(from.size() - 2);
        rename.from.name = from.last();
        rename.to = rename.from;
        rename.to.name = to.first();
        (kind == QLatin1String("column") ? decisions->columns : decisions->policies) << rename;
        return true;
    }
    QList<RenameDecisions::Rename> *list = kind == QLatin1String("table")      ? &decisions->tables
                                           : kind == QLatin1String("enum")     ? &decisions->enums
                                           : kind == QLatin1String("sequence") ? &decisions->sequences
                                           : kind == QLatin1String("view")     ? &decisions->views
                                                                               : nullptr;
    if (!list) {
        *error = Tr::tr("--rename %1: unknown kind %2 (schema, table, column, enum, sequence, view, policy, role)")
                     .arg(argument, kind);
        return false;
    }
    if (from.size() > 2 || to.size() > 2)
        return bad();
    rename.from.schema = from.size() == 2 ? from.first() : publicSchema;
    rename.from.name = from.last();
    rename.to.schema = to.size() == 2 ? to.first() : publicSchema;
    rename.to.name = to.last();
    *list << rename;
    return true;
}

} // namespace

int DiffCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Print the SQL that turns <from> into <to>. Each side is a drizzle snapshot file, a migrations "
               "folder (its latest snapshot) or a connection URL."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption down(QStringLiteral("down"), Tr::tr("Print the SQL that goes back from <to> to <from>."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the statements and their hazards as JSON."));
    const QCommandLineOption rename(QStringLiteral("rename"),
                                    Tr::tr("Something renamed, not dropped and created: kind:old=new (kinds: schema, "
                                           "table, column, enum, sequence, view, policy, role). May be repeated."),
                                    Tr::tr("kind:old=new"));
    parser.addOptions({down, json, rename});
    parser.addPositionalArgument(QStringLiteral("from"), Tr::tr("The schema as it is."));
    parser.addPositionalArgument(QStringLiteral("to"), Tr::tr("The schema as it should be."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << Tr::tr("Try 'strata diff --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 2) {
        err << Tr::tr("strata diff: give two schemas, <from> and <to>") << Qt::endl;
        return 2;
    }
    RenameDecisions renames;
    for (const QString &value : parser.values(rename)) {
        QString error;
        if (!addRename(value, &renames, &error)) {
            err << Tr::tr("strata diff: %1").arg(error) << Qt::endl;
            return 2;
        }
    }

    std::optional<SchemaSource::Loaded> sides[2];
    for (int i = 0; i < 2; ++i) {
        QString error;
        bool usage = false;
        sides[i] = SchemaSource::load(parser.positionalArguments().at(i), &error, &usage);
        if (!sides[i]) {
            err << Tr::tr("strata diff: %1").arg(error) << Qt::endl;
            return usage ? 2 : 1;
        }
    }
    // A database against a snapshot: the database's expressions in the snapshot's spelling
    // where they mean the same, or every check would look changed.
    if (sides[0]->live != sides[1]->live) {
        SchemaSource::Loaded &live = sides[0]->live ? *sides[0] : *sides[1];
        SpellingTransfer::adopt(live.schema, sides[0]->live ? sides[1]->schema : sides[0]->schema);
    }

    const Schema &from = sides[0]->schema;
    const Schema &to = sides[1]->schema;
    const QStringList statements = parser.isSet(down) ? DdlWriter::down(from, to, renames)
                                                      : DdlWriter::up(from, to, renames);
    if (!parser.isSet(json)) {
        if (statements.isEmpty())
            err << Tr::tr("No schema changes.") << Qt::endl;
        else
            out << DdlWriter::join(statements) << Qt::endl;
        return 0;
    }

    // Hazards per statement: the joined text is what a migration file would hold.
    const QList<Hazard> hazards = HazardLint::lint(DdlWriter::join(statements));
    QJsonArray items;
    for (const QString &statement : statements)
        items.append(QJsonObject{{QStringLiteral("sql"), statement.trimmed()}, {QStringLiteral("hazards"), QJsonArray()}});
    const SqlScript script = StatementSplitter::split(DdlWriter::join(statements));
    for (const Hazard &hazard : hazards) {
        // A piece of the joined text is one statement of the list.
        int piece = 0;
        for (int p = 0, seen = 0; p < script.pieces.size(); ++p) {
            seen += int(script.pieces.at(p).statements.size());
            if (hazard.statementIndex < seen) {
                piece = p;
                break;
            }
        }
        if (piece >= items.size())
            continue;
        QJsonObject item = items.at(piece).toObject();
        QJsonArray list = item.value(QStringLiteral("hazards")).toArray();
        QJsonObject finding = FolderLint::toJson(QString(), hazard);
        finding.remove(QStringLiteral("file"));
        list.append(finding);
        item.insert(QStringLiteral("hazards"), list);
        items.replace(piece, item);
    }
    out << QJsonDocument(QJsonObject{{QStringLiteral("statements"), items},
                                     {QStringLiteral("dataLoss"), SchemaDiff::compare(parser.isSet(down) ? to : from,
                                                                                      parser.isSet(down) ? from : to,
                                                                                      parser.isSet(down) ? renames.inverted() : renames)
                                                                      .hasDataLoss()}})
               .toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace strata
