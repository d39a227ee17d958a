#include "TestRegistry.h"

#include <QTest>

#include <cstdio>
#include <memory>

namespace strata::test {

TestRegistry &TestRegistry::instance()
{
    static TestRegistry registry;
    return registry;
}

bool TestRegistry::add(const char *className, Factory factory)
{
    m_entries.append({className, std::move(factory)});
    return true;
}

int TestRegistry::run(int argc, char **argv)
{
    // argv[1], when it names a class, selects it; the rest goes to QTest unchanged.
    QByteArray only;
    if (argc > 1 && argv[1][0] != '-') {
        only = argv[1];
        for (int i = 1; i + 1 < argc; ++i)
            argv[i] = argv[i + 1];
        --argc;
    }
    int ran = 0;
    int failedClasses = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!only.isEmpty() && only != entry.name)
            continue;
        std::unique_ptr<QObject> test(entry.factory());
        ++ran;
        if (QTest::qExec(test.get(), argc, argv) != 0)
            ++failedClasses;
    }
    if (ran == 0) {
        std::fprintf(stderr, "no test class named %s\n", only.constData());
        return 1;
    }
    return failedClasses;
}

} // namespace strata::test
