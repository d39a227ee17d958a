#include "CommandLine.h"

#include "CheckCommand.h"
#include "DiffCommand.h"
#include "DownCommand.h"
#include "GenerateCommand.h"
#include "LintCommand.h"
#include "MigrateCommand.h"
#include "PingCommand.h"
#include "RollbackCommand.h"
#include "SnapshotCommand.h"
#include "StatusCommand.h"
#include "Tr.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTextStream>

namespace strata {

QStringList CommandLine::commands()
{
    return {QStringLiteral("ping"), QStringLiteral("check"), QStringLiteral("snapshot"), QStringLiteral("lint"), QStringLiteral("diff"),
            QStringLiteral("generate"), QStringLiteral("down"), QStringLiteral("status"), QStringLiteral("migrate"),
            QStringLiteral("rollback")};
}

bool CommandLine::isCommand(const QString &word)
{
    return commands().contains(word);
}

int CommandLine::run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    installTranslations(app);
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    arguments.removeAt(1);  // the rest reads like "strata-<command> [options]"
    if (command == QLatin1String("ping"))
        return PingCommand::run(arguments);
    if (command == QLatin1String("check"))
        return CheckCommand::run(arguments);
    if (command == QLatin1String("snapshot"))
        return SnapshotCommand::run(arguments);
    if (command == QLatin1String("lint"))
        return LintCommand::run(arguments);
    if (command == QLatin1String("diff"))
        return DiffCommand::run(arguments);
    if (command == QLatin1String("generate"))
        return GenerateCommand::run(arguments);
    if (command == QLatin1String("down"))
        return DownCommand::run(arguments);
    if (command == QLatin1String("status"))
        return StatusCommand::run(arguments);
    if (command == QLatin1String("migrate"))
        return MigrateCommand::run(arguments);
    if (command == QLatin1String("rollback"))
        return RollbackCommand::run(arguments);
    QTextStream(stderr) << Tr::tr("strata: unknown command %1").arg(command)
                        << Qt::endl;
    return 2;
}

} // namespace strata
