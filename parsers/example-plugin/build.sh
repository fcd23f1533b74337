#!/bin/sh
# Builds the example plugin the way a third party would: install mailbridge (which installs
# the SPI as org.mailbridge:mailbridge-spi), then package the plugin against it.
# Result: parsers/example-plugin/target/backupd-parser.jar
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$here/pom.xml" package
echo "$here/target/backupd-parser.jar"
