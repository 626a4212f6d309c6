// Consolidation Bot in one resource group: identity, storage, monitoring, web app, Azure Bot. Deploy with
// ./scripts/deploy (docs/ja/運用手順書.md). No parameter is a secret: the bot, storage, Graph and telemetry all use the
// user-assigned managed identity.
targetScope = 'resourceGroup'

@description('Short name of the deployment, used in every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(12)
param baseName string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Entra tenant of the city (the identity\'s tenant).')
param tenantId string = subscription().tenantId

@description('The bot\'s display name in Teams.')
param botDisplayName string = '集約化ボット'

@description('App Service plan SKU.')
param appServiceSku string = 'P0v3'

@description('The Teams app id in the tenant\'s app catalog (empty before the package is uploaded).')
param teamsAppId string = ''

@description('The Entra app registration for the secretariat tab\'s Teams SSO (docs/tab.md); empty until the city registers one.')
param tabClientId string = ''

param tags object = {
  app: 'consolidation-bot'
}

var suffix = uniqueString(resourceGroup().id, baseName)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${baseName}-id'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('${baseName}${suffix}', 24)
    location: location
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    name: '${baseName}-${suffix}'
    location: location
    skuName: appServiceSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    teamsAppId: teamsAppId
    tabClientId: tabClientId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    displayName: botDisplayName
    hostName: web.outputs.hostName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
    tags: tags
  }
}

output webAppName string = web.outputs.name
output webAppHostName string = web.outputs.hostName
output botAppId string = identity.outputs.clientId
output botName string = bot.outputs.name
output identityPrincipalId string = identity.outputs.principalId
output storageAccountName string = storage.outputs.name
output tenantId string = tenantId
output tabClientId string = tabClientId
