#include "DownCommand.h"

#include "FolderOptions.h"
#include "Tr.h"
#include "migrations/DownMigration.h"
#include "migrations/MigrationFolder.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace strata {

int DownCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Print the SQL that undoes a migration: the down file Strata saved beside it, or else the change "
               "from its snapshot back to the one before."));
    const QCommandLineOption help = parser.addHelpOption();
    const FolderOptions folders(Tr::tr("The drizzle project whose migrations folder to read (default: the "
                                       "current folder)."),
                                Tr::tr("The migrations folder to read."));
    folders.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("tag"), Tr::tr("The migration, e.g. 0003_tiny_tony_stark (default: the last)."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << Tr::tr("Try 'strata down --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    const auto usage = [&](const QString &message) {
        err << Tr::tr("strata down: %1").arg(message) << Qt::endl;
        return 2;
    };
    if (parser.positionalArguments().size() > 1)
        return usage(Tr::tr("give one migration"));
    QString why;
    const std::optional<FolderOptions::Resolved> resolved = folders.resolve(parser, &why);
    if (!resolved)
        return usage(why);
    const MigrationFolder &folder = resolved->folder;
    if (folder.migrations().isEmpty())
        return usage(Tr::tr("%1 holds no migrations").arg(folder.path()));

    int index = int(folder.migrations().size()) - 1;
    if (!parser.positionalArguments().isEmpty()) {
        const QString tag = parser.positionalArguments().first();
        index = -1;
        for (int i = 0; i < folder.migrations().size(); ++i) {
            if (folder.migrations().at(i).tag == tag)
                index = i;
        }
        if (index < 0)
            return usage(Tr::tr("%1 has no migration %2").arg(folder.path(), tag));
    }
    QString error;
    const std::optional<DownSql> down = DownMigration::of(folder, index, &error);
    if (!down) {
        err << Tr::tr("strata down: %1").arg(error) << Qt::endl;
        return 1;
    }
    const QString tag = folder.migrations().at(index).tag;
    if (down->source == DownSql::Source::Stored) {
        err << Tr::tr("%1: the down file %2").arg(tag, down->file) << Qt::endl;
    } else if (down->text.isEmpty()) {
        err << Tr::tr("%1 changes nothing the snapshots record: nothing to undo").arg(tag) << Qt::endl;
    } else {
        err << Tr::tr("%1: derived from %2 back to %3")
                   .arg(tag, down->file, down->previousFile.isEmpty() ? Tr::tr("an empty database") : down->previousFile)
            << Qt::endl;
    }
    if (!down->text.isEmpty())
        out << down->text << (down->text.endsWith(QLatin1Char('\n')) ? "" : "\n");
    return 0;
}

} // namespace strata
