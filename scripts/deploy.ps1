# Deploys Consolidation Bot to Azure with the Azure CLI, as scripts/deploy does (same steps, same commands):
#   ./scripts/deploy.ps1 -ResourceGroup RG -Location japaneast [-Params infra/main.bicepparam] [-Out .deploy]
# Needs: az (logged in: az login), the .NET 10 SDK. Nothing secret is asked for or written.
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$ResourceGroup,
    [Parameter(Mandatory = $true)][string]$Location,
    [string]$Params = "infra/main.bicepparam",
    [string]$Out = ".deploy"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path $Params)) { throw "parameters file not found: $Params" }
foreach ($tool in "az", "dotnet") {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "$tool is not installed" }
}

function Invoke-Step([string]$Title, [scriptblock]$Command) {
    Write-Host "[consolidation-bot] [$Title]" -ForegroundColor Cyan
    $result = & $Command
    if ($LASTEXITCODE -ne 0) {
        throw "step failed: $Title (see the message above). Nothing after it was done; fix it and run ./scripts/deploy.ps1 again (every step can be repeated)."
    }
    return $result
}

New-Item -ItemType Directory -Force -Path $Out | Out-Null
$Out = (Resolve-Path $Out).Path

$tenant = Invoke-Step "1/6 sign-in" { az account show --query tenantId --output tsv }
Invoke-Step "2/6 resource group" { az group create --name $ResourceGroup --location $Location --output none } | Out-Null
$outputsJson = Invoke-Step "3/6 infrastructure" {
    az deployment group create --resource-group $ResourceGroup --name consolidation-bot `
        --template-file infra/main.bicep --parameters $Params --query properties.outputs --output json
}
$outputs = ($outputsJson -join "`n") | ConvertFrom-Json
$webApp = $outputs.webAppName.value
$hostName = $outputs.webAppHostName.value
$appId = $outputs.botAppId.value
$principal = $outputs.identityPrincipalId.value
# The tab's SSO app registration (tabClientId in the parameters); without it the package names the bot's identity.
$tabApp = if ($outputs.PSObject.Properties.Name -contains "tabClientId") { $outputs.tabClientId.value } else { "" }
$ssoArgs = if ($tabApp) { @("--sso-app-id", $tabApp) } else { @() }

Invoke-Step "4/6 publish" { dotnet publish src/Consolidation.Bot --configuration Release --output "$Out/publish" -nologo -v quiet } | Out-Null
Remove-Item -Force -ErrorAction SilentlyContinue "$Out/app.zip"
Compress-Archive -Path "$Out/publish/*" -DestinationPath "$Out/app.zip"
Invoke-Step "5/6 deploy the app" { az webapp deploy --resource-group $ResourceGroup --name $webApp --src-path "$Out/app.zip" --type zip --output none } | Out-Null
Invoke-Step "6/6 Teams app package" { dotnet "$Out/publish/Consolidation.Bot.dll" package-manifest --app-id $appId --host $hostName @ssoArgs --out "$Out/teams-app.zip" } | Out-Null

$graphApp = "00000003-0000-0000-c000-000000000000"
Write-Host @"

Deployed: https://$hostName (web app $webApp, bot app id $appId, tenant $tenant).
Next steps (docs/ja/運用手順書.md explains each):

1. Upload the Teams app package to the tenant's app catalog (or in the Teams admin center: Manage apps > Upload new app):
   az rest --method post --uri https://graph.microsoft.com/v1.0/appCatalogs/teamsApps --headers Content-Type=application/zip --body @$Out/teams-app.zip
   az webapp config appsettings set --resource-group $ResourceGroup --name $webApp --settings Graph__TeamsAppId=<catalog app id>

2. Pre-install the app for the review's members: Teams admin center > Teams apps > Setup policies > Installed apps.

3. Grant Microsoft Graph application permissions to the bot's managed identity (principal $principal):
   `$graphSp = az ad sp show --id $graphApp --query id --output tsv
   foreach (`$permission in "TeamsAppInstallation.ReadWriteForUser.All", "User.Read.All", "GroupMember.Read.All") {
     `$role = az ad sp show --id $graphApp --query "appRoles[?value=='`$permission'].id | [0]" --output tsv
     az rest --method post --uri https://graph.microsoft.com/v1.0/servicePrincipals/$principal/appRoleAssignments ``
       --body "{\"principalId\":\"$principal\",\"resourceId\":\"`$graphSp\",\"appRoleId\":\"`$role\"}"
   }

4. Import the review: see docs/ja/運用手順書.md, "検討データの取り込み".
"@
