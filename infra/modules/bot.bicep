// The Azure Bot registration: its app is the user-assigned managed identity (no client secret), Teams channel on,
// messages to the web app's /api/messages.
@description('Azure Bot resource name (globally unique).')
param name string

@description('Display name shown in Teams.')
param displayName string

@description('Host name of the web app (without https://).')
param hostName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s app id.')
param identityClientId string

@description('Entra tenant of the identity.')
param tenantId string

@allowed([
  'F0'
  'S1'
])
param sku string = 'S1'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
