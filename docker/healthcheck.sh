#!/bin/bash
# Container health: the application's readiness (ClickHouse answers, the job repository accepts connections).
# Plain bash, as the Payara image has no curl.
exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status_line <&3 || exit 1
[[ $status_line == *" 200"* ]]
