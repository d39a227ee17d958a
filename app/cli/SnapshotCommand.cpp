#include "SnapshotCommand.h"

#include "SchemaSource.h"

#include "Tr.h"
#include "pg/Connection.h"
#include "schema/Introspector.h"
#include "schema/SnapshotJson.h"
#include "schema/SpellingTransfer.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>

namespace strata {

int SnapshotCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Print a drizzle-kit version 7 snapshot of a live database."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 Tr::tr("Connection URL or keyword/value string (default: the PG* variables)."),
                                 Tr::tr("conninfo"));
    const QCommandLineOption schemas(QStringLiteral("schema"),
                                     Tr::tr("Only these schemas, separated by commas (default: all but system schemas)."),
                                     Tr::tr("names"));
    const QCommandLineOption like(QStringLiteral("like"),
                                  Tr::tr("Spell what the database cannot tell apart (expressions, .notNull() on key "
                                         "columns, .enableRLS()) as this snapshot or migrations folder's latest "
                                         "snapshot does, where it still means the same."),
                                  Tr::tr("snapshot|folder"));
    parser.addOption(url);
    parser.addOption(schemas);
    parser.addOption(like);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Tr::tr("strata snapshot: unexpected argument %1").arg(parser.positionalArguments().first()) << Qt::endl;
        return 2;
    }

    std::optional<Schema> earlier;
    if (parser.isSet(like)) {
        QString error;
        earlier = SchemaSource::snapshot(parser.value(like), &error);
        if (!earlier) {
            err << Tr::tr("strata snapshot: %1").arg(error) << Qt::endl;
            return 2;
        }
    }

    ConnectionSpec spec;
    if (parser.isSet(url)) {
        SpecError error;
        spec = ConnectionSpec::parse(parser.value(url), &error);
        if (!error.isNull()) {
            err << error.toString() << Qt::endl;
            return 2;
        }
    } else {
        spec = ConnectionSpec::fromEnvironment(QProcessEnvironment::systemEnvironment());
    }
    IntrospectOptions options;
    for (const QString &name : parser.value(schemas).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.schemas.append(name.trimmed());

    Connection connection(spec);
    PgError error;
    std::optional<Schema> schema = Introspector::introspectAndWait(connection, options, &error);
    if (!schema) {
        const QString name = spec.displayName().isEmpty() ? Tr::tr("the default database") : spec.displayName();
        err << Tr::tr("Could not read the schema of %1: %2").arg(name, error.toString()) << Qt::endl;
        return 1;
    }
    if (earlier)
        SpellingTransfer::adopt(*schema, *earlier);
    const QByteArray json = SnapshotJson::write(*schema, SnapshotJson::newId(), SnapshotJson::originId());
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
    return 0;
}

} // namespace strata
