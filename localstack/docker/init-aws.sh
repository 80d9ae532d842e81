#!/usr/bin/env bash
# LocalStack ready hook: creates the bucket and every queue with its dead-letter queue and redrive policy,
# from the same properties file the services and the embedded stand-ins read, by the same rules as
# pe.cmep.localstack.QueueProvisioner:
#   - the DLQ of <name> is <name>-dlq, or <base>-dlq.fifo for <base>.fifo;
#   - FIFO queues and their DLQs: FifoQueue=true, ContentBasedDeduplication=false;
#   - every queue and DLQ: VisibilityTimeout=30;
#   - every queue: RedrivePolicy {deadLetterTargetArn: <its DLQ>, maxReceiveCount: cmep.aws.dlq-max-receive-count}.
# Running it again changes nothing.
set -euo pipefail

RESOURCES="${CMEP_AWS_RESOURCES:-/etc/cmep/cmep-aws-resources.properties}"
VISIBILITY_TIMEOUT=30

# value of a key in the properties file (key=value lines; spaces around '=' and CRLF endings tolerated)
property() {
  local key="${1//./[.]}"
  sed -n -e 's/\r$//' -e "s/^[[:space:]]*${key}[[:space:]]*[=:][[:space:]]*//p" "$RESOURCES" \
    | sed 's/[[:space:]]*$//' | tail -n 1
}

# "<role> <name>" for each cmep.aws.queues.<role>=<name> line
queues() {
  sed -n -e 's/\r$//' \
    -e 's/^[[:space:]]*cmep[.]aws[.]queues[.]\([^=:[:space:]]*\)[[:space:]]*[=:][[:space:]]*\(.*[^[:space:]]\)[[:space:]]*$/\1 \2/p' \
    "$RESOURCES"
}

dlq_name() {
  case "$1" in
    *.fifo) echo "${1%.fifo}-dlq.fifo" ;;
    *) echo "$1-dlq" ;;
  esac
}

# JSON string literal of $1
json_string() {
  printf '"%s"' "$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' <<<"$1")"
}

# creates queue $1 (or finds it) and prints its URL
create_queue() {
  local name="$1" attributes
  attributes="{\"VisibilityTimeout\":\"$VISIBILITY_TIMEOUT\""
  if [[ "$name" == *.fifo ]]; then
    attributes+=",\"FifoQueue\":\"true\",\"ContentBasedDeduplication\":\"false\""
  fi
  attributes+="}"
  awslocal sqs create-queue --queue-name "$name" --attributes "$attributes" --query QueueUrl --output text
}

[[ -r "$RESOURCES" ]] || { echo "init-aws: $RESOURCES is not readable (is it mounted?)" >&2; exit 1; }

bucket="$(property cmep.aws.bucket)"
max_receive_count="$(property cmep.aws.dlq-max-receive-count)"
[[ -n "$bucket" ]] || { echo "init-aws: cmep.aws.bucket missing in $RESOURCES" >&2; exit 1; }
[[ "$max_receive_count" =~ ^[0-9]+$ ]] || { echo "init-aws: cmep.aws.dlq-max-receive-count is not a number" >&2; exit 1; }

if awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "init-aws: bucket $bucket exists"
else
  awslocal s3api create-bucket --bucket "$bucket" >/dev/null
  echo "init-aws: bucket $bucket created"
fi

queue_count=0
# the list comes in on fd 3, so nothing in the loop can swallow it from stdin
while read -r role name <&3; do
  dlq="$(dlq_name "$name")"
  dlq_url="$(create_queue "$dlq")"
  dlq_arn="$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text)"
  queue_url="$(create_queue "$name")"
  redrive_policy="{\"deadLetterTargetArn\":\"$dlq_arn\",\"maxReceiveCount\":$max_receive_count}"
  awslocal sqs set-queue-attributes --queue-url "$queue_url" \
    --attributes "{\"RedrivePolicy\":$(json_string "$redrive_policy")}"
  echo "init-aws: queue $name ($role) -> DLQ $dlq after $max_receive_count receives"
  queue_count=$((queue_count + 1))
done 3< <(queues)

[[ "$queue_count" -gt 0 ]] || { echo "init-aws: no cmep.aws.queues.* entries in $RESOURCES" >&2; exit 1; }
echo "init-aws: bucket and $queue_count queues ready"
