// The bot's one identity: a user-assigned managed identity. It is the Azure Bot's app (msaAppType UserAssignedMSI), reads
// and writes the storage account, publishes telemetry and calls Microsoft Graph. No client secret exists anywhere.
@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
