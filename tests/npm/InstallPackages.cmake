# Installs the npm packages pinned in package.json / package-lock.json (drizzle-kit,
# drizzle-orm, pg) into NPM_DIR, once: CTest runs this as the fixture setup test
# support.NpmPackages, and every test that runs drizzle-kit requires that fixture.
#
#   cmake -DSOURCE_DIR=<tests/npm> -DNPM_DIR=<build>/npm -P InstallPackages.cmake
#
# It leaves NPM_DIR/status.txt for the tests to read:
#   "ok"                 node_modules is installed from the current lock file;
#   "absent: <reason>"   node is not installed: the tests skip, and say why;
#   "failed: <reason>"   node is there but the install failed: the tests fail (CI has
#                        registry access, so a failed install is an error, never a skip).
# `npm ci` runs only when package.json or package-lock.json changed since the last
# successful install (a stamp file holds their hashes), so reruns take no time.
# Nothing prompts: stdin is /dev/null and CI=true. npm 9 and later run as root without
# --unsafe-perm.
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR NPM_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "InstallPackages.cmake: pass -D${var}=…")
    endif()
endforeach()

set(statusFile "${NPM_DIR}/status.txt")
set(stampFile "${NPM_DIR}/installed.stamp")
file(MAKE_DIRECTORY "${NPM_DIR}")

function(write_status text)
    file(WRITE "${statusFile}" "${text}\n")
endfunction()

function(fail reason)
    write_status("failed: ${reason}")
    message(FATAL_ERROR "npm packages could not be installed: ${reason}")
endfunction()

find_program(NODE_EXECUTABLE NAMES node nodejs NO_CACHE)
if(NOT NODE_EXECUTABLE)
    write_status("absent: no `node` on PATH ($ENV{PATH}); install Node.js 18 or later (with npm) to run the drizzle-kit interop tests")
    message(STATUS "node is not installed: no `node` on PATH; the drizzle-kit interop tests will be skipped")
    return()
endif()
find_program(NPM_EXECUTABLE NAMES npm NO_CACHE)
if(NOT NPM_EXECUTABLE)
    fail("node is installed (${NODE_EXECUTABLE}) but npm is not on PATH")
endif()

execute_process(COMMAND "${NODE_EXECUTABLE}" --version
    OUTPUT_VARIABLE nodeVersion OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    fail("`${NODE_EXECUTABLE} --version` failed (${rc})")
endif()
file(SHA256 "${SOURCE_DIR}/package.json" packageHash)
file(SHA256 "${SOURCE_DIR}/package-lock.json" lockHash)
set(stamp "package.json ${packageHash}\npackage-lock.json ${lockHash}\n")

if(EXISTS "${stampFile}" AND EXISTS "${NPM_DIR}/node_modules/drizzle-kit/bin.cjs")
    file(READ "${stampFile}" oldStamp)
    if(oldStamp STREQUAL stamp)
        write_status("ok")
        message(STATUS "npm packages in ${NPM_DIR} are up to date (node ${nodeVersion})")
        return()
    endif()
endif()

file(REMOVE "${stampFile}")
execute_process(COMMAND "${NPM_EXECUTABLE}" --version
    OUTPUT_VARIABLE npmVersion OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc
    INPUT_FILE /dev/null)
if(NOT rc EQUAL 0)
    fail("`${NPM_EXECUTABLE} --version` failed (${rc})")
endif()
file(COPY_FILE "${SOURCE_DIR}/package.json" "${NPM_DIR}/package.json")
file(COPY_FILE "${SOURCE_DIR}/package-lock.json" "${NPM_DIR}/package-lock.json")
message(STATUS "Installing npm packages into ${NPM_DIR} (node ${nodeVersion}, npm ${npmVersion}): npm ci")
string(TIMESTAMP started "%s")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env CI=true npm_config_update_notifier=false
            "${NPM_EXECUTABLE}" ci --no-audit --no-fund
    WORKING_DIRECTORY "${NPM_DIR}"
    INPUT_FILE /dev/null
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    TIMEOUT 600)
string(TIMESTAMP finished "%s")
math(EXPR seconds "${finished} - ${started}")
message("${out}")
message("${err}")
if(NOT rc EQUAL 0)
    fail("`npm ci` in ${NPM_DIR} failed (${rc}) after ${seconds} s; its output is above")
endif()
if(NOT EXISTS "${NPM_DIR}/node_modules/drizzle-kit/bin.cjs")
    fail("`npm ci` succeeded but ${NPM_DIR}/node_modules/drizzle-kit/bin.cjs is missing")
endif()
file(WRITE "${stampFile}" "${stamp}")
write_status("ok")
message(STATUS "npm packages installed in ${seconds} s")
