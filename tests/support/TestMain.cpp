// The one runner main shared by every test executable (see TestRegistry).
#include "TestCluster.h"
#include "TestRegistry.h"

#include <QApplication>
#include <QStandardPaths>

#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--check-no-test-servers") == 0)
        return strata::test::checkNoTestServers() == 0 ? 0 : 1;
    // QApplication for all areas: GUI tests need it, and offscreen costs the others nothing.
    QApplication app(argc, argv);
    // Settings and data go to test folders, never into the user's own.
    QStandardPaths::setTestModeEnabled(true);
    app.setApplicationName(QStringLiteral("strata-tests"));
    return strata::test::TestRegistry::instance().run(argc, argv);
}
