#include "PingCommand.h"

#include "pg/Connection.h"
#include "Tr.h"
#include "pg/DrizzleProject.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTextStream>

namespace strata {

int PingCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Connect to a database once and print which server answered."));
    parser.addHelpOption();
    const QCommandLineOption project(QStringLiteral("project"),
                                     Tr::tr("Read the connection from a drizzle project folder."),
                                     Tr::tr("folder"));
    parser.addOption(project);
    parser.addPositionalArgument(QStringLiteral("url"),
                                 Tr::tr("Connection URL or keyword/value string (default: the PG* variables)."));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    ConnectionSpec spec;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(project)) {
        SpecError error;
        const DrizzleProject drizzle = DrizzleProject::read(parser.value(project), &error);
        if (!error.isNull()) {
            err << error.toString() << Qt::endl;
            return 2;
        }
        for (const SpecError &warning : drizzle.warnings())
            err << Tr::tr("warning: %1").arg(warning.toString()) << Qt::endl;
        SpecError urlError;
        spec = drizzle.connection(DrizzleProject::Purpose::Browse, &urlError);
        if (!urlError.isNull() || spec.isEmpty()) {
            // An empty spec would make libpq fall back to PG* and the local socket: a
            // database the user did not name.
            err << (urlError.isNull() ? Tr::tr("%1 names no database (DATABASE_URL or dbCredentials.url).")
                                            .arg(parser.value(project))
                                      : urlError.toString())
                << Qt::endl;
            return 2;
        }
    } else if (!positional.isEmpty()) {
        SpecError error;
        spec = ConnectionSpec::parse(positional.first(), &error);
        if (!error.isNull()) {
            err << error.toString() << Qt::endl;
            return 2;
        }
    } else {
        spec = ConnectionSpec::fromEnvironment(QProcessEnvironment::systemEnvironment());
    }

    Connection connection(spec);
    QEventLoop loop;
    int code = 1;
    QObject::connect(&connection, &Connection::opened, &loop, [&](const ServerInfo &info) {
        out << Tr::tr("Connected to %1 as %2: PostgreSQL %3")
                   .arg(info.database, info.user, info.version)
            << Qt::endl;
        code = 0;
        loop.quit();
    });
    QObject::connect(&connection, &Connection::openFailed, &loop, [&](const PgError &error) {
        err << Tr::tr("Could not connect to %1: %2").arg(spec.displayName(), error.toString()) << Qt::endl;
        loop.quit();
    });
    connection.open();
    loop.exec();
    return code;
}

} // namespace strata
