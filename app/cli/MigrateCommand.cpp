#include "MigrateCommand.h"

#include "RunOptions.h"
#include "Tr.h"

#include <QTextStream>

namespace strata {

int MigrateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Apply the pending migrations of a drizzle migrations folder, recorded in drizzle's bookkeeping table."));
    const QCommandLineOption help = parser.addHelpOption();
    const RunOptions options;
    options.addTo(parser);
    const QCommandLineOption to(QStringLiteral("to"), Tr::tr("Apply up to and including this migration."), Tr::tr("tag"));
    const QCommandLineOption outOfOrder(QStringLiteral("allow-out-of-order"),
                                        Tr::tr("Also apply migrations older than the newest applied one."));
    const QCommandLineOption modified(QStringLiteral("allow-modified"),
                                      Tr::tr("Go on although an applied migration's file has changed since."));
    const QCommandLineOption missing(QStringLiteral("allow-missing"),
                                     Tr::tr("Go on although the ledger records migrations the folder does not have."));
    parser.addOptions({to, outOfOrder, modified, missing});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << (parser.errorText().isEmpty() ? Tr::tr("strata migrate takes no arguments") : parser.errorText())
                            << Qt::endl << Tr::tr("Try 'strata migrate --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    RunRequest request;
    request.action = RunRequest::Action::Migrate;
    request.target = parser.value(to);
    request.allowOutOfOrder = parser.isSet(outOfOrder);
    request.allowModified = parser.isSet(modified);
    request.allowMissing = parser.isSet(missing);
    return options.execute(QStringLiteral("migrate"), parser, request);
}

} // namespace strata
