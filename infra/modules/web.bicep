// Linux App Service for .NET 10: HTTPS only, FTP and basic publishing credentials off, always on (the outbox worker and
// the schedules run in the process), health check on /readyz (storage reachable). Settings come from the other modules'
// outputs; none of them is a secret.
@description('Web app name (also the host name prefix: NAME.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('App Service plan SKU (B1 and up support Always On; P0v3 for production).')
param skuName string = 'P0v3'

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s app id, and the identity used for storage, Graph and telemetry.')
param identityClientId string

@description('Entra tenant of the city.')
param tenantId string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Application Insights connection string (not a secret: ingestion needs the identity\'s token).')
param appInsightsConnectionString string

@description('The Teams app id in the tenant\'s app catalog, once the package is uploaded (empty until then).')
param teamsAppId string = ''

@description('The app registration the secretariat tab\'s Teams SSO token is issued for (a managed identity cannot expose an API); empty: no tab sign-in in Azure yet.')
param tabClientId string = ''

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      http20Enabled: true
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'Bot__AppId', value: identityClientId }
        { name: 'Bot__TenantId', value: tenantId }
        { name: 'Bot__Credential', value: 'UserAssignedMsi' }
        // The secretariat tab's SSO audience is api://{Tab__Host}/{Bot__AppId} (docs/tab.md).
        { name: 'Tab__Host', value: '${name}.azurewebsites.net' }
        { name: 'Storage__TableEndpoint', value: tableEndpoint }
        { name: 'Storage__QueueEndpoint', value: queueEndpoint }
        { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
        { name: 'Graph__Credential', value: 'ManagedIdentity' }
        { name: 'Graph__ClientId', value: identityClientId }
        { name: 'Graph__TenantId', value: tenantId }
        { name: 'Graph__TeamsAppId', value: teamsAppId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'Telemetry__ManagedIdentityClientId', value: identityClientId }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        // Empty until the city registers the tab's SSO app: the bot then treats it as unset (Bot__AppId).
        { name: 'Tab__ClientId', value: tabClientId }
      ]
    }
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
