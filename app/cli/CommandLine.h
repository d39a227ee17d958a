#pragma once

#include <QStringList>

namespace strata {

// `strata <command> …`: the commands that run without a display, on a QCoreApplication.
class CommandLine
{
public:
    static bool isCommand(const QString &word);
    static QStringList commands();
    // Runs argv[1] with the rest of argv; returns the process exit code.
    static int run(int argc, char **argv);
};

} // namespace strata
