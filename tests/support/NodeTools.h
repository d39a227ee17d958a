#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace strata::test {

// The npm packages (drizzle-kit, drizzle-orm, pg) that the CTest fixture support.NpmPackages
// installs once into <build>/npm from tests/npm/package-lock.json; see
// tests/npm/InstallPackages.cmake, which leaves status.txt there for the tests.
struct NpmPackages {
    enum class State {
        Ready,       // node is on PATH and the packages are installed
        NodeAbsent,  // node is not installed: a test skips, saying `reason`
        Failed,      // node is there but the packages are not: a test fails, saying `reason`
    };
    State state = State::Failed;
    QString folder;  // <build>/npm
    QString node;    // the node executable
    QString reason;  // why not Ready

    QString nodeModules() const { return folder + QStringLiteral("/node_modules"); }
    // drizzle-kit's command-line entry point (its package.json "bin").
    QString drizzleKit() const { return nodeModules() + QStringLiteral("/drizzle-kit/bin.cjs"); }
};

// Reads what support.NpmPackages left in `npmFolder`, and looks for node on PATH.
NpmPackages npmPackages(const QString &npmFolder);

// The start of an interop test's initTestCase(): reads the packages in STRATA_NPM_DIR into
// `member`, then skips when node is not installed and fails when the install did. A macro
// because QSKIP and QFAIL return from the test function. CTest's SKIP_REGULAR_EXPRESSION
// (tests/CMakeLists.txt) matches the "node is not installed: " of the skip message.
#define STRATA_REQUIRE_NPM_PACKAGES(member)                                                       \
    do {                                                                                          \
        (member) = ::strata::test::npmPackages(QStringLiteral(STRATA_NPM_DIR));                   \
        if ((member).state == ::strata::test::NpmPackages::State::NodeAbsent)                     \
            QSKIP(qPrintable(QStringLiteral("node is not installed: %1").arg((member).reason)));  \
        if ((member).state == ::strata::test::NpmPackages::State::Failed)                         \
            QFAIL(qPrintable(                                                                     \
                QStringLiteral("npm packages could not be installed: %1").arg((member).reason))); \
    } while (false)

// Makes `projectFolder`/node_modules a symlink to the installed packages, so that a
// drizzle.config.ts and a schema.ts in that folder resolve 'drizzle-kit' and 'drizzle-orm'.
bool linkNodeModules(const NpmPackages &packages, const QString &projectFolder, QString *error);

struct NodeRun {
    QString command;        // as a shell would read it, for messages
    bool finished = false;  // exited by itself within the time allowed
    int exitCode = -1;
    QString out;  // stdout, without terminal escape sequences (drizzle-kit's spinner)
    QString err;  // stderr, likewise

    bool succeeded() const { return finished && exitCode == 0; }
    // The command, exit code, stdout and stderr, for a failure message or a CI log.
    QString describe() const;
};

// Runs `node args…` in `folder`: stdin is /dev/null, CI=true, NODE_PATH points at the
// packages, and `extra` variables are added to this process's environment. Never prompts;
// kills node after `timeoutMs`.
NodeRun runNode(const NpmPackages &packages, const QStringList &args, const QString &folder,
                const QProcessEnvironment &extra = {}, int timeoutMs = 300000);

// runNode() of drizzle-kit's command line: `node <drizzle-kit>/bin.cjs args…`.
NodeRun runDrizzleKit(const NpmPackages &packages, const QStringList &args,
                      const QString &projectFolder, const QProcessEnvironment &extra = {},
                      int timeoutMs = 300000);

// runDrizzleKit() in a pseudo-terminal, answering drizzle-kit's "Is <name> <kind> created or
// renamed from another <kind>?" prompts the way a user does, with arrow keys and Enter:
// `answers[i]` is the item picked in the i-th prompt (0 = create, 1 = rename from the first
// missing one it lists, …). drizzle-kit 0.31 has no option that names a rename, and without
// a terminal its prompt library refuses ("Interactive prompts require a TTY terminal"), so a
// terminal is the only way to drive a rename. A prompt beyond `answers` kills node; that and
// fewer prompts than answers are said in `err`. The terminal merges node's stdout and stderr
// into `out`.
NodeRun runDrizzleKitInTerminal(const NpmPackages &packages, const QStringList &args,
                                const QString &projectFolder, const QList<int> &answers,
                                const QProcessEnvironment &extra = {}, int timeoutMs = 300000);

// drizzle-orm's own migrate() (node-postgres) on `migrationsFolder` against the database
// `url`: what drizzle-kit migrate runs, but printing the error, which drizzle-kit migrate
// swallows (it exits 1 and says nothing). For a failure message.
NodeRun runDrizzleOrmMigrate(const NpmPackages &packages, const QString &projectFolder,
                             const QString &migrationsFolder, const QString &url);

} // namespace strata::test
