#include "DiffCommand.h"

#include "RenameArguments.h"
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
        if (!RenameArguments::add(value, &renames, &error)) {
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
        if (sides[1]->live)
            SpellingTransfer::adopt(live.schema, sides[0]->schema, renames);
        else
            SpellingTransfer::adopt(live.schema, sides[1]->schema, renames.inverted());
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
