@echo off
rem smartfile: the SmartFile command-line tool. Needs Java 17 or newer (JAVA_HOME, else java on PATH).
rem Tuned for a short command (C1 only, serial GC); SMARTFILE_JAVA_OPTS is added last and can override it.
setlocal
set "SMARTFILE_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %SMARTFILE_JAVA_OPTS% -jar "%SMARTFILE_HOME%\lib\smartfile-cli.jar" %*
exit /b %ERRORLEVEL%
