// SyncBridge's Azure Service Bus queue for lifecycle updates.
// Deploy:  az deployment group create -g <resource-group> -f infra/azure/main.bicep -p namespaceName=<unique-name>
// Then give the worker the queue's connection string (never commit it):
//   az servicebus queue authorization-rule keys list -g <resource-group> --namespace-name <unique-name> \
//     --queue-name updates --name syncbridge-worker --query primaryConnectionString -o tsv
//   -> SyncBridge__Queue__ServiceBus__ConnectionString

@description('Azure region of the namespace.')
param location string = resourceGroup().location

@description('The Service Bus namespace name (globally unique, 6-50 characters).')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('The queue SyncBridge publishes updates to and consumes them from (SyncBridge:Queue:ServiceBus:QueueName).')
param queueName string = 'updates'

@allowed([
  'Standard'
  'Premium'
])
param sku string = 'Standard'

@description('Peek-lock duration, ISO 8601 (at most PT5M). Keep SyncBridge:Consumer:LockDuration equal to it, and above the slowest CRM write.')
param lockDuration string = 'PT1M'

@description('Deliveries before Service Bus dead-letters a message (SyncBridge dead-letters earlier, with its reason, at SyncBridge:Consumer:MaxDeliveryCount).')
@minValue(1)
param maxDeliveryCount int = 10

@description('How long the broker remembers message ids to drop a repeated publish (SyncBridge message ids are deterministic).')
param duplicateDetectionWindow string = 'PT10M'

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: namespaceName
  location: location
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    minimumTlsVersion: '1.2'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: queueName
  properties: {
    // Per-record order and exactly-once writes come from SyncBridge's ledger; its AMQP transport opens no session receivers.
    requiresSession: false
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    lockDuration: lockDuration
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}

// Send + Listen on this queue only: what the worker needs, nothing on the namespace.
resource workerRule 'Microsoft.ServiceBus/namespaces/queues/authorizationRules@2022-10-01-preview' = {
  parent: queue
  name: 'syncbridge-worker'
  properties: {
    rights: [
      'Send'
      'Listen'
    ]
  }
}

output serviceBusEndpoint string = namespace.properties.serviceBusEndpoint
output queueName string = queue.name
output authorizationRuleName string = workerRule.name
