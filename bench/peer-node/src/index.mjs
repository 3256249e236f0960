// receiveWebhook as a user would write it on Lambda's Node.js runtime: Composio's SDK verifies the
// delivery, the AWS SDK v3 stores it with a conditional PutItem. The bench's peer, never packaged.
import { Composio } from '@composio/core';
import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

// Outside the handler, as Lambda's guides advise: built once per container. No API key is needed to
// verify; tracking and the npm version check are off so that no call leaves the machine.
const composio = new Composio({ apiKey: process.env.COMPOSIO_API_KEY, allowTracking: false, disableVersionCheck: true });
const dynamodb = new DynamoDBClient({ region: process.env.INBOX_REGION, endpoint: process.env.INBOX_ENDPOINT || undefined });
const TABLE = process.env.INBOX_TABLE;
const RETENTION_SECONDS = 7 * 24 * 3600;

export const handler = async (event) => {
  const method = event.requestContext?.http?.method;
  if (method && method !== 'POST') {
    return answer(405, { error: 'only POST is accepted' }, { allow: 'POST' });
  }
  const headers = event.headers ?? {};
  const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  const webhookId = headers['webhook-id'];
  let verified;
  try {
    verified = await composio.triggers.verifyWebhook({
      payload: body,
      signature: headers['webhook-signature'],
      id: webhookId,
      timestamp: headers['webhook-timestamp'],
      secret: process.env.COMPOSIO_WEBHOOK_SECRET,
    });
  } catch (e) {
    console.warn('delivery refused: %s %s', e.name, e.message);
    return answer(401, { error: 'no valid signature' });
  }
  const raw = verified.rawPayload ?? {};
  const meta = raw.metadata ?? {};
  const type = raw.type ?? 'composio.trigger.message';
  const now = new Date();
  const item = {
    id: webhookId,
    version: verified.version,
    type,
    trigger_slug: meta.trigger_slug ?? verified.payload.triggerSlug,
    trigger_id: meta.trigger_id,
    connected_account_id: meta.connected_account_id,
    auth_config_id: meta.auth_config_id,
    user_id: meta.user_id ?? verified.payload.userId,
    toolkit: meta.toolkit_slug ?? verified.payload.toolkitSlug?.toLowerCase(),
    time: raw.timestamp,
    log_id: meta.log_id,
    received_at: now.toISOString(),
    payload: body,
  };
  const Item = { expires_at: { N: String(Math.floor(now.getTime() / 1000) + RETENTION_SECONDS) } };
  for (const [k, v] of Object.entries(item)) {
    if (typeof v === 'string' && v !== '') Item[k] = { S: v };
  }
  let duplicate = false;
  try {
    await dynamodb.send(new PutItemCommand({
      TableName: TABLE,
      Item,
      ConditionExpression: 'attribute_not_exists(#id)',
      ExpressionAttributeNames: { '#id': 'id' },
    }));
  } catch (e) {
    if (!(e instanceof ConditionalCheckFailedException)) {
      console.error('delivery %s not stored; answering 503 so Composio retries', webhookId, e);
      return answer(503, { error: 'event could not be stored, retry later' }, { 'retry-after': '5' });
    }
    duplicate = true;
  }
  return answer(200, { id: webhookId, version: verified.version, type, duplicate });
};

function answer(statusCode, body, headers = {}) {
  return { statusCode, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), isBase64Encoded: false };
}
